import type { MetricInfo } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { formatMetricValue, indexMetrics, metricName, overLimit } from './metricText';

const metric = (over: Partial<MetricInfo> & { code: string }): MetricInfo => ({
  nameVi: over.code,
  nameEn: over.code,
  category: 'air',
  uom: 'µg/m³',
  unitVi: 'µg/m³',
  unitEn: 'µg/m³',
  decimals: 0,
  min: 0,
  max: 1000,
  limit: null,
  ...over,
});
const words = { on: 'Bật', off: 'Tắt' };

describe('metric texts', () => {
  const index = indexMetrics([
    metric({ code: 'vehicle_count', nameVi: 'Lưu lượng xe', nameEn: 'Vehicle count' }),
  ]);

  it('names a metric in the UI language and spells out a code it does not know', () => {
    expect(metricName(index, 'vehicle_count', 'vi')).toBe('Lưu lượng xe');
    expect(metricName(index, 'vehicle_count', 'en')).toBe('Vehicle count');
    expect(metricName(index, 'soil_moisture', 'vi')).toBe('Soil moisture');
  });

  it('prints the catalogue decimals in the language format, with the unit as each writes it', () => {
    const level = metric({ code: 'water_level', uom: 'm', unitVi: 'm', unitEn: 'm', decimals: 2 });
    expect(formatMetricValue(level, 0.756, 'vi', words)).toBe('0,76 m');
    expect(formatMetricValue(level, 1234.5, 'en', words)).toBe('1,234.5 m');
    const cars = metric({ code: 'vehicle_count', uom: 'veh', unitVi: 'xe', unitEn: 'vehicles' });
    expect(formatMetricValue(cars, 1240, 'vi', words)).toBe('1.240 xe');
    expect(formatMetricValue(cars, 1240, 'en', words)).toBe('1,240 vehicles');
    const humidity = metric({ code: 'humidity', uom: '%', unitVi: '%', unitEn: '%' });
    expect(formatMetricValue(humidity, 81.4, 'vi', words)).toBe('81%');
  });

  it('prints an on/off metric as a word and an unknown metric with two decimals', () => {
    const up = metric({ code: 'wifi_up', uom: 'bool', unitVi: '', unitEn: '' });
    expect(formatMetricValue(up, 1, 'vi', words)).toBe('Bật');
    expect(formatMetricValue(up, 0, 'vi', words)).toBe('Tắt');
    expect(formatMetricValue(undefined, 3.14159, 'vi', words)).toBe('3,14');
  });

  it('is over the limit only above a limit that exists', () => {
    const pm25 = metric({ code: 'pm25', limit: { value: 50, basisVi: 'a', basisEn: 'b' } });
    expect(overLimit(pm25, 50)).toBe(false);
    expect(overLimit(pm25, 50.1)).toBe(true);
    expect(overLimit(metric({ code: 'o' }), 1e9)).toBe(false);
    expect(overLimit(undefined, 1e9)).toBe(false);
  });
});
