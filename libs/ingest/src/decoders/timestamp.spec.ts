import { describe, expect, it } from 'vitest';
import { parseRfc3339, parseTimestamp } from './timestamp';

describe('parseTimestamp', () => {
  it('reads epoch milliseconds', () => {
    const r = parseTimestamp(1772326800000);
    expect(r).toEqual({ ok: true, time: new Date('2026-03-01T01:00:00.000Z') });
  });

  it('reads ISO-8601 with a +07:00 offset as the right instant', () => {
    const r = parseTimestamp('2026-03-01T08:00:00+07:00');
    expect(r.ok && r.time?.toISOString()).toBe('2026-03-01T01:00:00.000Z');
  });

  it('treats missing ts as "not sent"', () => {
    expect(parseTimestamp(undefined)).toEqual({ ok: true, time: undefined });
    expect(parseTimestamp(null)).toEqual({ ok: true, time: undefined });
  });

  it('refuses local times without offset, garbage and out-of-range epochs', () => {
    for (const raw of ['2026-03-01T08:00:00', 'yesterday', '', 8.7e15, true, {}, '1772326800000']) {
      expect(parseTimestamp(raw).ok, JSON.stringify(raw)).toBe(false);
    }
  });
});

describe('parseRfc3339', () => {
  it('keeps millisecond precision of nanosecond fractions (TTS, ChirpStack)', () => {
    expect(parseRfc3339('2020-02-12T15:15:46.014773143Z')?.toISOString()).toBe(
      '2020-02-12T15:15:46.014Z',
    );
    expect(parseRfc3339('2022-07-18T09:34:15.775023242+00:00')?.toISOString()).toBe(
      '2022-07-18T09:34:15.775Z',
    );
  });

  it('accepts lower-case separators, compact offsets and negative offsets', () => {
    expect(parseRfc3339('2026-03-01t08:00:00z')?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(parseRfc3339('2026-03-01T08:00:00+0700')?.toISOString()).toBe(
      '2026-03-01T01:00:00.000Z',
    );
    expect(parseRfc3339('2026-02-28T20:00:00-05:00')?.toISOString()).toBe(
      '2026-03-01T01:00:00.000Z',
    );
  });

  it('refuses impossible calendar dates instead of rolling them over', () => {
    expect(parseRfc3339('2026-02-30T00:00:00Z')).toBeUndefined();
    expect(parseRfc3339('2026-13-01T00:00:00Z')).toBeUndefined();
    expect(parseRfc3339('2026-01-01T24:00:00Z')).toBeUndefined();
    expect(parseRfc3339('2026-01-01T00:00:00+25:00')).toBeUndefined();
  });

  it('folds a leap second into the same minute and keeps years below 100 literal', () => {
    expect(parseRfc3339('2016-12-31T23:59:60Z')?.toISOString()).toBe('2016-12-31T23:59:59.999Z');
    expect(parseRfc3339('0050-01-01T00:00:00Z')?.getUTCFullYear()).toBe(50);
  });
});
