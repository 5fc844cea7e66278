import type { SocketPhase } from '../../../shared/live/wsClient';

/** Data older than this (no delta and no REST refresh) is flagged "Dữ liệu cũ". */
export const STALE_AFTER_MS = 2 * 60_000;

export interface StalenessInput {
  now: number;
  /** Client time of the last applied delta or refresh; null before the first. */
  lastDataAt: number | null;
  /** Client time the feed started, so a wall that never received anything turns stale too. */
  startedAt: number;
  phase: SocketPhase;
  /** Whether the socket was ever open: reconnecting after a loss is stale, first connect is not. */
  hasConnected: boolean;
}

/**
 * Client clock only: comparing with the server's asOf would flag skewed-clock walls as stale.
 * A closed socket is stale at once — the screen is no longer live even if values look recent.
 */
export function isStale(input: StalenessInput, maxAgeMs = STALE_AFTER_MS): boolean {
  if (input.phase === 'closed') return true;
  if (input.phase === 'connecting' && input.hasConnected) return true;
  const reference = input.lastDataAt ?? input.startedAt;
  return input.now - reference > maxAgeMs;
}
