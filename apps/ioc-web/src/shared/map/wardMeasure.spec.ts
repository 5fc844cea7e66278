import { describe, expect, it } from 'vitest';
import type { DeviceState } from '../live/deviceStore';
import { indicatorWardMeasure, metricWardMeasure } from './wardMeasure';

const NOW = Date.parse('2026-11-22T10:00:00Z');

function device(id: string, unit: string, values: Record<string, number>, ageMs = 0): DeviceState {
  const time = NOW - ageMs;
  return {
    id,
    kind: 'air_quality',
    unitCode: unit,
    lon: 108,
    lat: 16,
    lastSeen: time,
    latest: new Map(Object.entries(values).map(([k, v]) => [k, { value: v, time }])),
    name: null,
    alarmLevels: null,
    changedSeq: 0,
  };
}

describe('metricWardMeasure', () => {
  it('averages the scene metric per ward over online devices; silent wards are null', () => {
    const m = metricWardMeasure(
      [
        device('a', '20242', { water_level: 1 }),
        device('b', '20242', { water_level: 3, pm25: 99 }),
        device('c', '20209', { pm25: 10 }),
        device('old', '20209', { water_level: 50 }, 60 * 60_000),
      ],
      'water_level',
      NOW,
      ['20242', '20209', '20194'],
    );
    expect(m.values.get('20242')).toBe(2);
    expect(m.values.get('20209')).toBeNull();
    expect(m.values.get('20194')).toBeNull();
    expect(m.stale).toBe(false);
    expect(m.asOf).toBe(new Date(NOW).toISOString());
  });

  it('is stale without fresh data', () => {
    expect(metricWardMeasure([], 'pm25', NOW).stale).toBe(true);
  });
});

describe('indicatorWardMeasure', () => {
  it('reads values and statuses; a ward without a value is no_data; direction decides best', () => {
    const m = indicatorWardMeasure(
      {
        asOf: '2026-11-22T09:00:00Z',
        cells: [
          { unitCode: '20242', value: 81.5, status: 'on_track' },
          { unitCode: '20209', value: null, status: 'no_target' },
          { unitCode: '20194', value: 12, status: 'weird' },
          { nope: true },
        ],
      },
      { indicator: { unit: 'percent', direction: 'higher_is_better' } },
    );
    expect(m.values.get('20242')).toBe(81.5);
    expect(m.status.get('20242')).toBe('on_track');
    expect(m.status.get('20209')).toBe('no_data');
    expect(m.status.get('20194')).toBe('no_data');
    expect(m.uom).toBe('%');
    expect(m.higherIsBetter).toBe(true);
    expect(m.asOf).toBe('2026-11-22T09:00:00Z');
    expect(
      indicatorWardMeasure({}, { indicator: { direction: 'lower_is_better' } }).higherIsBetter,
    ).toBe(false);
  });
});
