import { isFiniteNumber, isRecord, own } from './guards';

export type Position = { lon: number; lat: number };
export type ParsedPosition =
  { ok: true; position: Position | undefined } | { ok: false; message: string };

/** Validates a WGS84 pair; either both coordinates are given and in range, or neither. */
export function toPosition(lon: unknown, lat: unknown): ParsedPosition {
  if (lon === undefined && lat === undefined) return { ok: true, position: undefined };
  if (!isFiniteNumber(lon) || !isFiniteNumber(lat)) {
    return { ok: false, message: 'position needs numeric lon and lat' };
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    return { ok: false, message: `position out of WGS84 range: lon ${lon}, lat ${lat}` };
  }
  return { ok: true, position: { lon, lat } };
}

/** Native element position: `"pos": {"lon","lat"}` or top-level `"lon"`/`"lat"` (mobile devices). */
export function readElementPosition(element: Record<string, unknown>): ParsedPosition {
  const pos = own(element, 'pos');
  if (pos !== undefined && pos !== null) {
    if (!isRecord(pos)) return { ok: false, message: 'pos must be an object {lon, lat}' };
    return toPosition(own(pos, 'lon'), own(pos, 'lat'));
  }
  return toPosition(own(element, 'lon'), own(element, 'lat'));
}
