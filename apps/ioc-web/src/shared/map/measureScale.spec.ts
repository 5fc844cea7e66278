import { describe, expect, it } from 'vitest';
import { NO_DATA_RGB, PM25_CLASSES } from './colorScale';
import {
  classIndex,
  classRgb,
  fillKey,
  legendEntries,
  scaleFor,
  SEQUENTIAL_RGB,
  sequentialScale,
  STATUS_RGB,
} from './measureScale';

describe('scaleFor', () => {
  it('uses VN_AQI for PM2.5, status for indicators, a ramp for other metrics', () => {
    const values = new Map([['a', 1.2]]);
    expect(scaleFor({ kind: 'metric', metric: 'pm25' }, values).kind).toBe('aqi');
    expect(scaleFor({ kind: 'indicator', code: 'dx.x' }, values).kind).toBe('status');
    expect(scaleFor({ kind: 'metric', metric: 'water_level' }, values).kind).toBe('sequential');
    expect(scaleFor({ kind: 'none' }, values).kind).toBe('none');
  });
});

describe('sequentialScale', () => {
  it('covers every value with round class bounds', () => {
    const s = sequentialScale([0.42, 3.9, null, 2.2, Number.NaN]);
    expect(s).toEqual({ kind: 'sequential', min: 0, max: 6, step: 1 });
    expect(classIndex(s, 0.42)).toBe(0);
    expect(classIndex(s, 3.9)).toBe(3);
    const wide = sequentialScale([17, 968]);
    if (wide.kind !== 'sequential') throw new Error('kind');
    expect(wide.min).toBeLessThanOrEqual(17);
    expect(wide.max).toBeGreaterThanOrEqual(968);
    expect(wide.step).toBe(200);
  });

  it('clamps values outside the domain into the end classes', () => {
    const s = sequentialScale([10, 20]);
    expect(classIndex(s, -1000)).toBe(0);
    expect(classIndex(s, 1e9)).toBe(SEQUENTIAL_RGB.length - 1);
  });
});

describe('classes and colours', () => {
  it('greys out missing values and no-data statuses', () => {
    const status = { kind: 'status' } as const;
    expect(classRgb(status, classIndex(status, 50, 'no_data'))).toEqual(NO_DATA_RGB);
    expect(classRgb(status, classIndex(status, 50, 'off_track'))).toEqual(STATUS_RGB.off_track);
    const aqi = { kind: 'aqi' } as const;
    expect(classRgb(aqi, classIndex(aqi, null))).toEqual(NO_DATA_RGB);
    expect(classRgb(aqi, classIndex(aqi, 60))).toEqual(PM25_CLASSES[2]?.rgb);
  });

  it('keys the fill on classes only', () => {
    const aqi = { kind: 'aqi' } as const;
    const m = (v: number) => ({ values: new Map([['a', v]]), status: new Map() });
    expect(fillKey(aqi, ['a', 'b'], m(30))).toBe(fillKey(aqi, ['a', 'b'], m(45)));
    expect(fillKey(aqi, ['a', 'b'], m(30))).not.toBe(fillKey(aqi, ['a', 'b'], m(55)));
  });

  it('gives a legend per scale', () => {
    expect(legendEntries({ kind: 'aqi' })).toHaveLength(PM25_CLASSES.length);
    expect(legendEntries({ kind: 'status' }).map((e) => e.labelKey)).toContain(
      'mapLegend.offTrack',
    );
    const seq = legendEntries({ kind: 'sequential', min: 0, max: 6, step: 1 });
    expect(seq.map((e) => e.range)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 6],
    ]);
    expect(legendEntries({ kind: 'none' })).toEqual([]);
  });
});
