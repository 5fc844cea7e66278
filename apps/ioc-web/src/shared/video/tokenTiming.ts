/** Never renew sooner than this: a clock far off must not make the tile hammer the API. */
export const MIN_RENEW_DELAY_MS = 2_000;
/** Renew this share of the token's remaining life before it ends… */
const LEAD_SHARE = 0.25;
/** …but at least this early (a slow API) and at most this early (a long-lived token). */
const LEAD_MIN_MS = 5_000;
const LEAD_MAX_MS = 60_000;

/**
 * How long until the tile asks for a new viewing token: before `expiresAt`, with a lead that
 * grows with the token's life (a quarter of it, 5–60 s), so a playlist or segment request never
 * carries an expired token on long viewing.
 */
export function renewDelayMs(expiresAt: string, now: number): number {
  const remaining = Date.parse(expiresAt) - now;
  if (!Number.isFinite(remaining)) return MIN_RENEW_DELAY_MS;
  const lead = Math.min(LEAD_MAX_MS, Math.max(LEAD_MIN_MS, remaining * LEAD_SHARE));
  return Math.max(MIN_RENEW_DELAY_MS, Math.round(remaining - lead));
}

/**
 * `url` carrying `token` as its `token` query parameter, replacing one it had: hls.js resolves
 * segment and variant URLs against the playlist and a media server may or may not repeat the
 * query in them, so every request gets the current token put back.
 */
export function withToken(url: string, token: string): string {
  const base = typeof location === 'undefined' ? 'http://localhost/' : location.href;
  const u = new URL(url, base);
  u.searchParams.set('token', token);
  return u.toString();
}
