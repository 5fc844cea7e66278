import type { ConnectorLiveness } from '@ioc/contracts';

/** A connector counts as synced while its last run succeeded within this many hours. */
export const SYNCED_WITHIN_HOURS = 24;

/**
 * "CSDL đồng bộ về IOC" (city.sector_db_synced_to_ioc): of the registered department databases
 * (connectors, paused ones included — a paused source is not synced), those whose last run
 * succeeded and finished within the window. Numerator and denominator, so the value keeps its
 * counts.
 */
export function syncedShare(
  board: readonly Pick<ConnectorLiveness, 'lastStatus' | 'lastSuccessAt' | 'paused'>[],
  now: Date,
  withinHours = SYNCED_WITHIN_HOURS,
): { numerator: number; denominator: number } {
  const since = now.getTime() - withinHours * 3_600_000;
  const synced = board.filter(
    (c) =>
      !c.paused &&
      c.lastStatus === 'succeeded' &&
      c.lastSuccessAt !== null &&
      Date.parse(c.lastSuccessAt) >= since,
  );
  return { numerator: synced.length, denominator: board.length };
}
