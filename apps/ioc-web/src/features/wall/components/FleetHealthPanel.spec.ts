import { describe, expect, it } from 'vitest';
import type { FleetDevice } from '@ioc/contracts';
import { lowBatteryByKind } from './FleetHealthPanel';

const device = (id: string, kind: string, battery?: number): FleetDevice => ({
  id,
  name: null,
  kind,
  unitCode: null,
  status: 'online',
  lastSeen: null,
  silentS: null,
  expectedIntervalS: 300,
  uptime: { numerator: 0, denominator: 0, ratio: null },
  health: battery === undefined ? {} : { battery: { value: battery, time: '' } },
});

describe('lowBatteryByKind', () => {
  it('counts devices under 20 % per kind, ignoring those that report no battery', () => {
    const counts = lowBatteryByKind([
      device('a', 'air_quality', 5),
      device('b', 'air_quality', 19.9),
      device('c', 'air_quality', 20),
      device('d', 'water_level', 3),
      device('e', 'water_level'),
    ]);
    expect(Object.fromEntries(counts)).toEqual({ air_quality: 2, water_level: 1 });
  });
});
