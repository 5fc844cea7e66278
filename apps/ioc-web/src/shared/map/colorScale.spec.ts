import { describe, expect, it } from 'vitest';
import { cssColor, NO_DATA_RGB, PM25_CLASSES, pm25ClassIndex, pm25Color } from './colorScale';

describe('PM2.5 colour scale', () => {
  it('places values in the VN_AQI classes, bounds inclusive', () => {
    expect(pm25ClassIndex(0)).toBe(0);
    expect(pm25ClassIndex(25)).toBe(0);
    expect(pm25ClassIndex(25.1)).toBe(1);
    expect(pm25ClassIndex(50)).toBe(1);
    expect(pm25ClassIndex(80)).toBe(2);
    expect(pm25ClassIndex(150)).toBe(3);
    expect(pm25ClassIndex(250)).toBe(4);
    expect(pm25ClassIndex(251)).toBe(5);
    expect(pm25ClassIndex(10_000)).toBe(5);
    expect(pm25ClassIndex(-3)).toBe(0);
  });

  it('maps to the official colours with the requested alpha', () => {
    expect(pm25Color(12)).toEqual([0, 228, 0, 255]);
    expect(pm25Color(41.2, 128)).toEqual([255, 255, 0, 128]);
    expect(pm25Color(300)).toEqual([126, 0, 35, 255]);
  });

  it('is grey when there is no value', () => {
    expect(pm25Color(null, 90)).toEqual([...NO_DATA_RGB, 90]);
    expect(pm25Color(undefined)).toEqual([...NO_DATA_RGB, 255]);
    expect(pm25Color(Number.NaN)).toEqual([...NO_DATA_RGB, 255]);
  });

  it('has increasing bounds and distinct colours', () => {
    const maxes = PM25_CLASSES.map((c) => c.max);
    expect([...maxes].sort((a, b) => a - b)).toEqual(maxes);
    expect(new Set(PM25_CLASSES.map((c) => c.rgb.join())).size).toBe(PM25_CLASSES.length);
  });

  it('formats CSS colours', () => {
    expect(cssColor([255, 126, 0], 0.5)).toBe('rgba(255, 126, 0, 0.5)');
  });
});
