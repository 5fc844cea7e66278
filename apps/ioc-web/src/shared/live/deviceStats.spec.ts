import { describe, expect, it } from 'vitest';
import { countOnline, meanByUnit, recentlyChanged, topByMetric } from './deviceStats';
import type { DeviceState } from './deviceStore';

function device(id: string, unitCode: string | null, pm25?: number, lastSeen = 0): DeviceState {
  return {
    id,
    kind: 'air',
    unitCode,
    lon: 108,
    lat: 16,
    lastSeen,
    latest: new Map(pm25 === undefined ? [] : [['pm25', { value: pm25, time: lastSeen }]]),
    name: null,
    alarmLevels: null,
    changedSeq: 0,
  };
}

describe('device stats', () => {
  it('ranks the top n, highest first, ties by id, skipping devices without the metric', () => {
    const ds = [
      device('d', 'x', 10),
      device('a', 'x', 50),
      device('c', 'x', 30),
      device('b', 'x', 50),
      device('e', 'x'),
    ];
    expect(topByMetric(ds, 'pm25', 3).map((d) => d.id)).toEqual(['a', 'b', 'c']);
    expect(topByMetric(ds, 'pm25', 10).map((d) => d.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(topByMetric(ds, 'pm25', 0)).toEqual([]);
  });

  it('averages the latest values per unit', () => {
    const means = meanByUnit(
      [device('a', 'u1', 10), device('b', 'u1', 30), device('c', 'u2', 5), device('d', null, 99)],
      'pm25',
    );
    expect(means.get('u1')).toBe(20);
    expect(means.get('u2')).toBe(5);
    expect(means.size).toBe(2);
  });

  it('counts devices seen within the online window', () => {
    const now = 1_000_000;
    const ds = [device('a', 'u', 1, now - 1000), device('b', 'u', 1, now - 11 * 60_000)];
    expect(countOnline(ds, now)).toBe(1);
  });

  it('lists recently changed devices first', () => {
    const a = device('a', 'u');
    const b = device('b', 'u');
    b.changedSeq = 5;
    expect(recentlyChanged([a, b], 1).map((d) => d.id)).toEqual(['b']);
    expect(recentlyChanged([a, b], 0)).toEqual([]);
  });

  it('selects exactly what a full sort would, for any input order', () => {
    const ds = Array.from({ length: 500 }, (_, i) => {
      const d = device(`d${String(i).padStart(3, '0')}`, 'u');
      d.changedSeq = (i * 7919) % 97; // many ties
      return d;
    });
    const expected = [...ds]
      .sort((x, y) => y.changedSeq - x.changedSeq || (x.id < y.id ? -1 : 1))
      .slice(0, 40)
      .map((d) => d.id);
    expect(recentlyChanged(ds, 40).map((d) => d.id)).toEqual(expected);
    expect(recentlyChanged([...ds].reverse(), 40).map((d) => d.id)).toEqual(expected);
  });
});
