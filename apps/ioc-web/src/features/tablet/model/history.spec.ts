import type { DeviceView } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { historyOf, historyPath, wardMetrics } from './history';

describe('tablet history routes', () => {
  it('reads a device or ward history from the path and writes it back', () => {
    expect(historyOf('/tablet/history/device/tram%20so%201')).toEqual({
      kind: 'device',
      id: 'tram so 1',
    });
    expect(historyOf('/tablet/history/ward/20314/')).toEqual({ kind: 'ward', code: '20314' });
    expect(historyOf('/tablet')).toBeNull();
    expect(historyOf('/tablet/history/device/%E0%A4')).toBeNull();
    expect(historyPath({ kind: 'device', id: 'tram so 1' })).toBe(
      '/tablet/history/device/tram%20so%201',
    );
  });

  it("lists the metrics the ward's devices report, once each", () => {
    const d = (latest: string[]): DeviceView => ({
      id: latest.join(),
      kind: 'air_quality',
      unitCode: '20314',
      lon: null,
      lat: null,
      lastSeen: null,
      latest: Object.fromEntries(
        latest.map((m) => [m, { value: 1, time: '2026-03-05T00:00:00Z' }]),
      ),
    });
    expect(wardMetrics([d(['pm25', 'pm10']), d(['pm25', 'water_level'])])).toEqual([
      'pm10',
      'pm25',
      'water_level',
    ]);
  });
});
