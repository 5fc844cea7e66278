import { SCREEN_OFFLINE_AFTER_MS } from '@ioc/contracts';

/**
 * Whether a screen counts as online at `now`: heard within the threshold. A screen reports
 * every 30 s, so four missed reports make it offline — one slow request does not.
 * A last report "from the future" (clock skew between API processes) counts as online.
 */
export function screenOnline(
  lastSeenAt: Date,
  now: Date,
  offlineAfterMs = SCREEN_OFFLINE_AFTER_MS,
): boolean {
  return now.getTime() - lastSeenAt.getTime() <= offlineAfterMs;
}
