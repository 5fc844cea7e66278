import { backoffDelay, type BackoffOptions } from '../live/backoff';

/**
 * What a camera tile shows: connecting (asking for a token, opening the stream), live (frames
 * arrive), stalled (frames stopped or the stream failed; a retry is on its way), offline (it has
 * failed several times in a row; retries go on, slower), forbidden (the viewer may not watch this
 * camera: nothing to retry), unavailable (the camera has no browser stream).
 */
export type TilePhase = 'connecting' | 'live' | 'stalled' | 'offline' | 'forbidden' | 'unavailable';

export interface TileState {
  phase: TilePhase;
  /** Failures since the last time frames flowed. */
  failures: number;
  /** Delay before the next retry, ms; null when none is due (live, connecting, final). */
  retryInMs: number | null;
}

export type TileEvent =
  | { type: 'start' }
  /** Frames advance. */
  | { type: 'playing' }
  /** No new frame for the stall window, or the player failed: tear down and retry. */
  | { type: 'failed' }
  /** The view route refused the camera (403) or does not know it (404). */
  | { type: 'refused' }
  /** The camera has no stream the browser can play. */
  | { type: 'no_stream' }
  /** The retry timer fired. */
  | { type: 'retry' };

/** After this many failures in a row the tile says "offline" instead of "stalled". */
export const OFFLINE_AFTER_FAILURES = 3;

/**
 * Retries of a stalled stream: the first within a second or two so a hiccup heals unseen, capped
 * so a camera that comes back is on the wall again within ~15 s without a reload.
 */
export const TILE_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 15_000 };

export const INITIAL_TILE_STATE: TileState = { phase: 'connecting', failures: 0, retryInMs: null };

/** The tile's next state; `random` is the jitter source of the retry delay. */
export function nextTileState(
  state: TileState,
  event: TileEvent,
  random: () => number = Math.random,
): TileState {
  // A refusal is final until the tile is mounted again (another viewer, another camera).
  if (state.phase === 'forbidden' || state.phase === 'unavailable') return state;
  switch (event.type) {
    case 'start':
      return INITIAL_TILE_STATE;
    case 'playing':
      return { phase: 'live', failures: 0, retryInMs: null };
    case 'failed': {
      const failures = state.failures + 1;
      return {
        phase: failures >= OFFLINE_AFTER_FAILURES ? 'offline' : 'stalled',
        failures,
        retryInMs: backoffDelay(failures - 1, TILE_BACKOFF, random),
      };
    }
    case 'refused':
      return { phase: 'forbidden', failures: state.failures, retryInMs: null };
    case 'no_stream':
      return { phase: 'unavailable', failures: state.failures, retryInMs: null };
    case 'retry':
      // Still stalled/offline on screen while the new attempt connects: the viewer sees the
      // problem until frames flow again, not a flicker back to "connecting".
      return { ...state, retryInMs: null };
  }
}
