import { describe, expect, it } from 'vitest';
import type { DeviceState, MetricValue } from './deviceStore';
import { standing, stationStandings } from './stationLevels';

function station(id: string, levels: number[] | null, value?: number): DeviceState {
  return {
    id,
    kind: 'water_level',
    name: null,
    unitCode: '20314',
    lon: 108.2,
    lat: 16.05,
    lastSeen: 1_000,
    latest: new Map<string, MetricValue>(
      value === undefined ? [] : [['water_level', { value, time: 1_000 }]],
    ),
    alarmLevels: levels,
    changedSeq: 1,
  };
}

describe('standing', () => {
  it('counts the levels reached, equality included (as the alert rule does)', () => {
    const levels = [1.7, 1.8, 1.88];
    expect(standing(station('a', levels, 1.69), 'water_level')).toMatchObject({ level: 0 });
    expect(standing(station('a', levels, 1.8), 'water_level')).toMatchObject({ level: 2 });
    expect(standing(station('a', levels, 2.4), 'water_level')).toMatchObject({
      level: 3,
      toNext: null,
    });
    expect(standing(station('a', levels, 2.4), 'water_level')?.beyond).toBeCloseTo(0.52);
    expect(standing(station('a', levels, 1.88), 'water_level')?.beyond).toBe(0);
    expect(standing(station('a', levels, 1.75), 'water_level')).toMatchObject({ beyond: null });
    expect(standing(station('a', levels, 1.75), 'water_level')?.toNext).toBeCloseTo(0.05);
  });

  it('reads falling levels as a low-water station: lower is worse', () => {
    expect(standing(station('a', [0.8, 0.5, 0.2], 0.45), 'water_level')).toMatchObject({
      level: 2,
    });
    expect(standing(station('a', [0.8, 0.5, 0.2], 0.9), 'water_level')).toMatchObject({
      level: 0,
    });
  });

  it('has nothing to say of a station without levels or without a value of the metric', () => {
    expect(standing(station('a', null, 3), 'water_level')).toBeNull();
    expect(standing(station('a', [1, 2], undefined), 'water_level')).toBeNull();
    expect(standing(station('a', [1, 2], 3), 'rainfall')).toBeNull();
  });
});

describe('stationStandings', () => {
  it('puts the highest level first, then the station closest to its next level', () => {
    const list = stationStandings(
      [
        station('far', [2.5, 3, 3.5], 1.0),
        station('near', [1.7, 1.8, 1.9], 1.65),
        station('two', [1.7, 1.8, 1.9], 1.82),
        station('none', null, 9),
      ],
      'water_level',
      3,
    );
    expect(list.map((s) => s.device.id)).toEqual(['two', 'near', 'far']);
    expect(
      stationStandings(
        list.map((s) => s.device),
        'water_level',
        1,
      ),
    ).toHaveLength(1);
  });

  it('puts the station furthest past its last level first among those past it', () => {
    const list = stationStandings(
      [
        station('a-slightly', [1, 1.1, 1.2], 1.5),
        station('b-most', [1, 1.1, 1.2], 3.45),
        station('c-within', [1, 1.1, 1.2], 1.15),
      ],
      'water_level',
      3,
    );
    expect(list.map((s) => s.device.id)).toEqual(['b-most', 'a-slightly', 'c-within']);
  });
});
