import { describe, expect, it } from 'vitest';
import { headlineMetric } from './headlineMetric';

const NAMES: Record<string, [string, string]> = {
  pm25: ['Bụi PM2.5', 'air'],
  co: ['Cacbon monoxit', 'air'],
  battery: ['Pin', 'device'],
  rssi: ['Cường độ tín hiệu', 'device'],
  noise_laeq: ['Tiếng ồn', 'noise'],
};
const catalogue = {
  name: (c: string) => NAMES[c]?.[0] ?? c,
  category: (c: string) => NAMES[c]?.[1] ?? null,
};

describe('headlineMetric', () => {
  it("takes the scene's metric where the device reports it", () => {
    expect(headlineMetric(['co', 'pm25', 'battery'], 'pm25', catalogue)).toBe('pm25');
  });

  it('else the first measurement by name, never the battery while there is one', () => {
    expect(headlineMetric(['co', 'pm25', 'battery'], 'water_level', catalogue)).toBe('pm25');
    expect(headlineMetric(['battery', 'noise_laeq'], null, catalogue)).toBe('noise_laeq');
  });

  it('falls back to a device metric, and to nothing for a device never heard', () => {
    expect(headlineMetric(['rssi', 'battery'], null, catalogue)).toBe('rssi');
    expect(headlineMetric([], 'pm25', catalogue)).toBeNull();
  });
});
