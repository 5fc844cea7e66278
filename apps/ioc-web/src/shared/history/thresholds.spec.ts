import type { MetricInfo } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { chartThresholds, lineValues } from './thresholds';

const info = (over: Partial<MetricInfo>): MetricInfo => ({
  code: 'x',
  nameVi: 'X',
  nameEn: 'X',
  category: 'air',
  uom: 'ug/m3',
  unitVi: 'µg/m³',
  unitEn: 'µg/m³',
  decimals: 0,
  min: 0,
  max: 1000,
  limit: null,
  ...over,
});

describe('chartThresholds', () => {
  it('draws the national limit and, for PM2.5, the VN_AQI classes', () => {
    const t = chartThresholds(
      'pm25',
      info({ code: 'pm25', limit: { value: 50, basisVi: 'QCVN', basisEn: 'QCVN' } }),
      null,
    );
    expect(lineValues(t)).toEqual([50]);
    expect(t.bands.map((b) => [b.from, b.to])).toEqual([
      [0, 25],
      [25, 50],
      [50, 80],
      [80, 150],
      [150, 250],
      [250, Number.POSITIVE_INFINITY],
    ]);
  });

  it("draws a station's báo động levels on its water level only", () => {
    const water = info({ code: 'water_level', category: 'water', uom: 'm' });
    const t = chartThresholds('water_level', water, [1, 1.5, 2]);
    expect(t.lines.map((l) => (l.kind === 'alarm' ? l.level : 0))).toEqual([1, 2, 3]);
    expect(lineValues(t)).toEqual([1, 1.5, 2]);
    const rain = info({ code: 'rainfall', category: 'water', uom: 'mm' });
    expect(chartThresholds('rainfall', rain, [1, 1.5, 2]).lines).toEqual([]);
    expect(chartThresholds('water_level', water, null).lines).toEqual([]);
  });
});
