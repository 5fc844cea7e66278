import { describe, expect, it } from 'vitest';
import { metricSpecsFromRows } from './catalogue';

describe('metricSpecsFromRows', () => {
  it('reads pg rows, including double precision delivered as strings', () => {
    const c = metricSpecsFromRows([
      { code: 'rssi', uom: 'dBm', min_value: '-200', max_value: '0' },
    ]);
    expect(c.get('rssi')).toEqual({ uom: 'dBm', min: -200, max: 0 });
  });
});
