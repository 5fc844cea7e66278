import { describe, expect, it } from 'vitest';
import { syncedShare } from './synced-share';

const now = new Date('2026-03-10T00:00:00Z');
const c = (
  lastStatus: 'succeeded' | 'failed' | null,
  lastSuccessAt: string | null,
  paused = false,
) => ({
  lastStatus,
  lastSuccessAt,
  paused,
});

describe('syncedShare', () => {
  it('counts connectors whose last run succeeded within the window, over all registered', () => {
    expect(
      syncedShare(
        [
          c('succeeded', '2026-03-09T12:00:00Z'), // synced
          c('succeeded', '2026-03-08T12:00:00Z'), // too old
          c('failed', '2026-03-09T23:00:00Z'), // last run failed
          c('succeeded', '2026-03-09T23:00:00Z', true), // paused
          c(null, null), // never ran
        ],
        now,
      ),
    ).toEqual({ numerator: 1, denominator: 5 });
    expect(syncedShare([], now)).toEqual({ numerator: 0, denominator: 0 });
  });
});
