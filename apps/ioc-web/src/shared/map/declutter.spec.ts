import { describe, expect, it } from 'vitest';
import { declutterLabels, mercatorPixel, type LabelCandidate } from './declutter';

const measure = (text: string) => text.length * 8;

describe('mercatorPixel', () => {
  it('maps the origin to the centre of the world and doubles per zoom level', () => {
    expect(mercatorPixel(0, 0, 0)).toEqual([256, 256]);
    const [x1] = mercatorPixel(108, 16, 8);
    const [x2] = mercatorPixel(108, 16, 9);
    expect(x2).toBeCloseTo(x1 * 2);
  });
});

describe('declutterLabels', () => {
  const labels: LabelCandidate[] = [
    { id: 'small', text: 'Hải Châu', lon: 108.2195, lat: 16.0761, priority: 7 },
    { id: 'big', text: 'Hải Vân', lon: 108.2168, lat: 16.0729, priority: 406 },
    { id: 'far', text: 'Tam Kỳ', lon: 108.475, lat: 15.557, priority: 8 },
  ];

  it('drops the lower-priority label where two collide', () => {
    const shown = declutterLabels(labels, 9, measure, 14, 2);
    expect([...shown].sort()).toEqual(['big', 'far']);
  });

  it('shows both once zoomed in far enough', () => {
    expect(declutterLabels(labels, 16, measure, 14, 2).size).toBe(3);
  });
});
