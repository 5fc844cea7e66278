import type { DecodedReading } from '@ioc/contracts';
import { describe, isRecord, own } from './guards';
import { readElementPosition } from './position';
import { parseTimestamp } from './timestamp';
import type { DecodeResult } from './types';

/**
 * Booleans become 1/0 (the catalogue's `bool` metrics); every other value is passed through
 * untouched so validation reports `not_numeric` with the metric it belongs to.
 */
export function normalizeValue(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/**
 * Decodes one native element `{"ts", "values", "pos"?}` into `out`. A bad element adds one
 * reject and no readings; its siblings are untouched.
 */
export function decodeNativeElement(
  element: unknown,
  deviceId: string,
  index: number | undefined,
  out: DecodeResult,
): void {
  const where = index === undefined ? {} : { index };
  if (!isRecord(element)) {
    out.rejects.push({
      reason: 'bad_shape',
      message: `element must be an object {"ts", "values"}, got ${describe(element)}`,
      deviceId,
      ...where,
    });
    return;
  }
  const values = own(element, 'values');
  if (!isRecord(values)) {
    out.rejects.push({
      reason: 'bad_shape',
      message: `"values" must be an object of metric → number, got ${describe(values)}`,
      deviceId,
      ...where,
    });
    return;
  }
  const ts = parseTimestamp(own(element, 'ts'));
  if (!ts.ok) {
    out.rejects.push({ reason: 'bad_timestamp', message: ts.message, deviceId, ...where });
    return;
  }
  const pos = readElementPosition(element);
  if (!pos.ok) {
    out.rejects.push({ reason: 'bad_shape', message: pos.message, deviceId, ...where });
    return;
  }
  for (const [metric, value] of Object.entries(values)) {
    const reading: DecodedReading = {
      deviceId,
      metric,
      value: normalizeValue(value),
      time: ts.time,
    };
    if (pos.position !== undefined) reading.position = pos.position;
    out.readings.push(reading);
  }
}
