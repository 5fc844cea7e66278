import { describe, expect, it } from 'vitest';
import { alertBounds } from './bounds';

describe('alertBounds', () => {
  it('frames every alert with a quarter of their spread around them', () => {
    const b = alertBounds([
      { lon: 108.0, lat: 16.0 },
      { lon: 108.4, lat: 15.8 },
    ]);
    expect(b).toEqual([
      [107.9, 15.75],
      [108.5, 16.05],
    ]);
  });

  it('shows a lone alert with its surroundings, never a point', () => {
    const b = alertBounds([{ lon: 108.22, lat: 16.05 }]);
    expect(b).toEqual([
      [108.19, 16.02],
      [108.25, 16.08],
    ]);
  });

  it('has no frame without alerts', () => {
    expect(alertBounds([])).toBeNull();
  });
});
