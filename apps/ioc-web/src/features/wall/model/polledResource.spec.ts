import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isPolledStale, PolledResource } from './polledResource';

describe('PolledResource', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('keeps the last data through failures, retries with backoff and recovers', async () => {
    let up = true;
    let n = 0;
    const load = vi.fn(() => {
      n += 1;
      return up ? Promise.resolve({ n, asOf: `t${n}` }) : Promise.reject(new Error('down'));
    });
    const r = new PolledResource({
      load,
      asOfOf: (d) => d.asOf,
      intervalMs: 60_000,
      backoff: { baseMs: 1000, capMs: 4000 },
    });
    r.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.getSnapshot()).toMatchObject({ data: { n: 1 }, asOf: 't1', failures: 0 });

    up = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(r.getSnapshot()).toMatchObject({ data: { n: 1 }, asOf: 't1', failures: 1 });
    expect(isPolledStale(r.getSnapshot(), Date.now(), 120_000)).toBe(true);
    // Retries come far sooner than the minute period: at most the 4 s cap apart.
    await vi.advanceTimersByTimeAsync(4000);
    expect(r.getSnapshot().failures).toBeGreaterThanOrEqual(2);
    await vi.advanceTimersByTimeAsync(4000);
    expect(r.getSnapshot().failures).toBeGreaterThanOrEqual(3);
    expect(r.getSnapshot().data).toEqual({ n: 1, asOf: 't1' });

    up = true;
    await vi.advanceTimersByTimeAsync(4000);
    const s = r.getSnapshot();
    expect(s.failures).toBe(0);
    expect(s.asOf).toBe(`t${n}`);
    expect(isPolledStale(s, Date.now(), 120_000)).toBe(false);
    r.stop();
    const calls = load.mock.calls.length;
    await vi.advanceTimersByTimeAsync(300_000);
    expect(load.mock.calls.length).toBe(calls);
  });

  it('turns stale when good data grows older than expected', () => {
    const now = 1_000_000;
    expect(isPolledStale({ failures: 0, lastOkAt: now - 1000, startedAt: 0 }, now, 5000)).toBe(
      false,
    );
    expect(isPolledStale({ failures: 0, lastOkAt: now - 6000, startedAt: 0 }, now, 5000)).toBe(
      true,
    );
    expect(isPolledStale({ failures: 0, lastOkAt: null, startedAt: now - 100 }, now, 5000)).toBe(
      false,
    );
  });
});
