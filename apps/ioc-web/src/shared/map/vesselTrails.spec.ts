import { describe, expect, it } from 'vitest';
import type { DeviceState } from '../live/deviceStore';
import { VesselTrails } from './vesselTrails';

function vessel(id: string, lon: number, lat: number): DeviceState {
  return {
    id,
    kind: 'vessel',
    unitCode: null,
    lon,
    lat,
    lastSeen: 0,
    latest: new Map(),
    name: null,
    alarmLevels: null,
    changedSeq: 0,
  };
}

describe('VesselTrails', () => {
  it('appends moves, ignores standing still, bounds the trail and drops gone vessels', () => {
    const trails = new VesselTrails(3);
    const v = vessel('v1', 108.5, 16);
    const buoy = { ...vessel('b1', 108.6, 16), kind: 'water_level' };
    expect(trails.sync([v, buoy])).toBe(true);
    expect(trails.sync([v, buoy])).toBe(false);
    for (let i = 1; i <= 4; i++) {
      v.lon = 108.5 + i * 0.01;
      trails.sync([v]);
    }
    const t = trails.all();
    expect(t).toHaveLength(1);
    expect(t[0]?.path).toHaveLength(3);
    expect(t[0]?.path[2]?.[0]).toBeCloseTo(108.54);
    expect(trails.sync([])).toBe(true);
    expect(trails.all()).toHaveLength(0);
  });
});
