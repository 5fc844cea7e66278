import { describe, expect, it } from 'vitest';
import {
  INITIAL_TILE_STATE,
  OFFLINE_AFTER_FAILURES,
  TILE_BACKOFF,
  nextTileState,
  type TileEvent,
  type TileState,
} from './playerState';

const run = (events: TileEvent[], random = () => 1): TileState =>
  events.reduce((s, e) => nextTileState(s, e, random), INITIAL_TILE_STATE);

describe('nextTileState', () => {
  it('goes live when frames flow', () => {
    expect(run([{ type: 'start' }, { type: 'playing' }])).toEqual({
      phase: 'live',
      failures: 0,
      retryInMs: null,
    });
  });

  it('turns a stall into "stalled" with a retry that backs off', () => {
    const first = run([{ type: 'playing' }, { type: 'failed' }]);
    expect(first).toMatchObject({ phase: 'stalled', failures: 1, retryInMs: TILE_BACKOFF.baseMs });
    const second = run([
      { type: 'playing' },
      { type: 'failed' },
      { type: 'retry' },
      { type: 'failed' },
    ]);
    expect(second).toMatchObject({
      phase: 'stalled',
      failures: 2,
      retryInMs: 2 * TILE_BACKOFF.baseMs,
    });
  });

  it('says offline after repeated failures, keeps retrying at the cap', () => {
    const events: TileEvent[] = [];
    for (let i = 0; i < 10; i++) events.push({ type: 'failed' }, { type: 'retry' });
    const s = run(events);
    expect(s.phase).toBe('offline');
    expect(s.failures).toBe(10);
    expect(nextTileState(s, { type: 'failed' }, () => 1).retryInMs).toBe(TILE_BACKOFF.capMs);
    const fewer = run(
      Array.from({ length: OFFLINE_AFTER_FAILURES - 1 }, () => ({ type: 'failed' as const })),
    );
    expect(fewer.phase).toBe('stalled');
  });

  it('jitters the delay between half and all of the step', () => {
    const s = run([{ type: 'failed' }], () => 0);
    expect(s.retryInMs).toBe(TILE_BACKOFF.baseMs / 2);
  });

  it('recovers to live and forgets the failures', () => {
    const s = run([
      { type: 'failed' },
      { type: 'retry' },
      { type: 'failed' },
      { type: 'retry' },
      { type: 'playing' },
    ]);
    expect(s).toEqual({ phase: 'live', failures: 0, retryInMs: null });
  });

  it('keeps the stalled phase on screen while a retry connects', () => {
    const s = run([{ type: 'failed' }, { type: 'retry' }]);
    expect(s).toMatchObject({ phase: 'stalled', retryInMs: null });
  });

  it('stops at "not allowed" and at "no stream": nothing to retry', () => {
    const refused = run([{ type: 'refused' }, { type: 'failed' }, { type: 'playing' }]);
    expect(refused).toMatchObject({ phase: 'forbidden', retryInMs: null });
    expect(run([{ type: 'no_stream' }, { type: 'retry' }]).phase).toBe('unavailable');
  });
});
