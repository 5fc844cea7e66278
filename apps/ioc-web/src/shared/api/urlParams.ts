/**
 * Settings a display reads from its URL, so a wall PC can be configured with a bookmark:
 * `/wall?unit=48&lang=vi&token=…&tiles=3x2&tile=4&scene=air&kiosk=1`.
 */
export interface DisplayParams {
  /** Display token; sent as `Authorization: Bearer` on REST and `?token=` on /ws. */
  token: string | null;
  /** Unit whose children the wall shows: a 2-digit province or 5-digit commune code. */
  unitCode: string;
  /** The wall's virtual canvas in screens (columns × rows); 1×1 for a single screen. */
  tiles: { cols: number; rows: number };
  /** Which screen of the canvas this is, 1-based, row by row (1 = top left). */
  tile: number;
  /** Pins one scene by id: no rotation. */
  scene: string | null;
  /** `?kiosk=1`: a read-only wall — no controls, no cursor, no map interaction. */
  kiosk: boolean;
  /** `?preview=1`: an admin's scene preview; never reports in as a screen. */
  preview: boolean;
}

/** The demo region shipped with the platform (Thành phố Đà Nẵng). */
export const DEFAULT_UNIT_CODE = '48';

/** A video wall is rarely larger than 8×8 screens; anything bigger is a typo. */
const MAX_TILES_PER_SIDE = 8;

function parseTiles(raw: string): { cols: number; rows: number } {
  const m = /^(\d{1,2})x(\d{1,2})$/i.exec(raw);
  const cols = m ? Number(m[1]) : 1;
  const rows = m ? Number(m[2]) : 1;
  const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_TILES_PER_SIDE;
  return ok(cols) && ok(rows) ? { cols, rows } : { cols: 1, rows: 1 };
}

export function parseDisplayParams(search: string): DisplayParams {
  const params = new URLSearchParams(search);
  const get = (name: string) => params.get(name)?.trim() ?? '';
  const token = get('token');
  const unit = get('unit');
  const tiles = parseTiles(get('tiles'));
  const tileNumber = Number(get('tile') || '1');
  const tile =
    Number.isInteger(tileNumber) && tileNumber >= 1 && tileNumber <= tiles.cols * tiles.rows
      ? tileNumber
      : 1;
  const scene = get('scene');
  const flag = (name: string) => ['1', 'true', 'yes'].includes(get(name).toLowerCase());
  return {
    token: token === '' ? null : token,
    unitCode: /^(\d{2}|\d{5})$/.test(unit) ? unit : DEFAULT_UNIT_CODE,
    tiles,
    tile,
    scene: /^[A-Za-z0-9-]{1,64}$/.test(scene) ? scene : null,
    kiosk: flag('kiosk'),
    preview: flag('preview'),
  };
}

let cached: DisplayParams | null = null;

/** Read once at start-up: later history changes (language toggle) must not drop the token. */
export function displayParams(): DisplayParams {
  cached ??= parseDisplayParams(window.location.search);
  return cached;
}
