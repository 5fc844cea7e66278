import { describe, expect, it } from 'vitest';
import { ConnectorScheduler, checkSchedule, nextRun } from './schedule';

describe('connector schedules (croner)', () => {
  it('checks expressions and reads them in Việt Nam time', () => {
    expect(checkSchedule('*/15 * * * *')).toBeNull();
    expect(checkSchedule('61 * * * *')).toMatch(/./);
    // 06:00 in Hà Nội is 23:00 UTC the day before.
    expect(nextRun('0 6 * * *', new Date('2026-03-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-03-01T23:00:00.000Z',
    );
  });

  it('keeps one job per scheduled, unpaused connector and follows changes', async () => {
    const rows = new Map([
      ['a', { id: 'a', schedule: '*/5 * * * *', paused: false }],
      ['b', { id: 'b', schedule: null, paused: false }],
      ['c', { id: 'c', schedule: '0 * * * *', paused: true }],
    ]);
    const s = new ConnectorScheduler(
      (id) => Promise.resolve(rows.get(id) ?? null),
      () => Promise.resolve([...rows.values()]),
      () => Promise.resolve(),
      () => undefined,
    );
    await s.start();
    expect(s.scheduled()).toEqual(['a']);
    rows.set('c', { id: 'c', schedule: '0 * * * *', paused: false });
    await s.sync('c');
    rows.delete('a');
    await s.sync('a');
    expect(s.scheduled()).toEqual(['c']);
    s.stop();
    expect(s.scheduled()).toEqual([]);
  });
});
