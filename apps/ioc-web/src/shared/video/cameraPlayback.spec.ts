import type { CameraViewGrant } from '@ioc/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { CameraPlayback, STALL_MS, type PlaybackDeps } from './cameraPlayback';
import type { TileState } from './playerState';
import type { Transport } from './transport';

/** A `<video>` whose clock the test moves. */
const fakeVideo = () =>
  ({ currentTime: 0 }) as unknown as HTMLVideoElement & { currentTime: number };

function grant(token: string, ttlMs: number, whep = false): CameraViewGrant {
  return {
    cameraId: 'cam-1',
    token,
    expiresAt: new Date(Date.now() + ttlMs).toISOString(),
    whepUrl: whep ? `http://media:8889/cam/whep?token=${token}` : null,
    hlsUrl: `http://media:8888/cam/index.m3u8?token=${token}`,
    snapshotUrl: null,
  };
}

describe('CameraPlayback', () => {
  let video: ReturnType<typeof fakeVideo>;
  let states: TileState['phase'][];
  let started: { kind: string; destroyed: boolean; token: () => string }[];

  const hls: PlaybackDeps['startHls'] = (_v, _url, token) => {
    const t = { kind: 'hls', destroyed: false, token };
    started.push(t);
    return Promise.resolve({
      kind: 'hls',
      destroy() {
        t.destroyed = true;
      },
    } satisfies Transport);
  };

  const make = (deps: Partial<PlaybackDeps> & Pick<PlaybackDeps, 'requestView'>) =>
    new CameraPlayback(
      video,
      'cam-1',
      (s) => {
        if (states.at(-1) !== s.phase) states.push(s.phase);
      },
      { startHls: hls, now: () => Date.now(), ...deps },
    );

  /** Plays `seconds` of video: currentTime follows the clock. */
  const play = async (seconds: number) => {
    for (let i = 0; i < seconds; i++) {
      video.currentTime += 1;
      await vi.advanceTimersByTimeAsync(1_000);
    }
  };

  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    video = fakeVideo();
    states = [];
    started = [];
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('goes live, stalls when frames stop, and recovers with a new player — no reload', async () => {
    const p = make({ requestView: () => Promise.resolve(grant('t1', 600_000)) });
    p.start();
    await play(3);
    expect(states).toEqual(['connecting', 'live']);
    // Frozen frames: stalled after the stall window, the player torn down.
    await vi.advanceTimersByTimeAsync(STALL_MS + 1_000);
    expect(states.at(-1)).toBe('stalled');
    expect(started[0]?.destroyed).toBe(true);
    // The retry builds a new player; frames flow again.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toHaveLength(2);
    await play(3);
    expect(states.at(-1)).toBe('live');
    p.stop();
    expect(started[1]?.destroyed).toBe(true);
  });

  it('says "not allowed" on a 403 and never starts a player', async () => {
    const p = make({
      requestView: () => Promise.reject(new ApiError(403, 'FORBIDDEN', 'no')),
    });
    p.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(states).toEqual(['connecting', 'forbidden']);
    expect(started).toEqual([]);
    p.stop();
  });

  it('renews the token before it expires; the running player uses the new one', async () => {
    let n = 0;
    const requestView = vi.fn(() => Promise.resolve(grant(`t${String(++n)}`, 60_000)));
    const p = make({ requestView });
    p.start();
    await play(2);
    expect(started[0]?.token()).toBe('t1');
    // 60 s token: renewed 15 s before it ends, with the same player.
    await play(42);
    expect(requestView).toHaveBeenCalledTimes(1);
    await play(2);
    expect(requestView).toHaveBeenCalledTimes(2);
    expect(started).toHaveLength(1);
    expect(started[0]?.token()).toBe('t2');
    p.stop();
  });

  it('falls back to HLS when WHEP fails', async () => {
    const startWhep = vi.fn(() => Promise.reject(new Error('ICE failed')));
    const p = make({ requestView: () => Promise.resolve(grant('t1', 600_000, true)), startWhep });
    p.start();
    await play(2);
    expect(startWhep).toHaveBeenCalledTimes(1);
    expect(started.map((s) => s.kind)).toEqual(['hls']);
    expect(states.at(-1)).toBe('live');
    p.stop();
  });

  it('lets go of the decoder on stop and does nothing after', async () => {
    const requestView = vi.fn(() => Promise.resolve(grant('t1', 600_000)));
    const p = make({ requestView });
    p.start();
    await play(2);
    p.stop();
    expect(started[0]?.destroyed).toBe(true);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(started).toHaveLength(1);
    expect(requestView).toHaveBeenCalledTimes(1);
  });
});
