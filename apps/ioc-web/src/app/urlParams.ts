/**
 * Settings a display reads from its URL, so a wall PC can be configured with a bookmark:
 * `/wall?unit=48&lang=vi&token=…`.
 */
export interface DisplayParams {
  /** Display token; sent as `Authorization: Bearer` on REST and `?token=` on /ws. */
  token: string | null;
  /** Unit whose children the wall shows: a 2-digit province or 5-digit commune code. */
  unitCode: string;
}

/** The demo region shipped with the platform (Thành phố Đà Nẵng). */
export const DEFAULT_UNIT_CODE = '48';

export function parseDisplayParams(search: string): DisplayParams {
  const params = new URLSearchParams(search);
  const token = params.get('token')?.trim() ?? '';
  const unit = params.get('unit')?.trim() ?? '';
  return {
    token: token === '' ? null : token,
    unitCode: /^(\d{2}|\d{5})$/.test(unit) ? unit : DEFAULT_UNIT_CODE,
  };
}

let cached: DisplayParams | null = null;

/** Read once at start-up: later history changes (language toggle) must not drop the token. */
export function displayParams(): DisplayParams {
  cached ??= parseDisplayParams(window.location.search);
  return cached;
}
