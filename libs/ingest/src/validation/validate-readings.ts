import type { DecodedReading } from '@ioc/contracts';
import type { Reject } from '../decoders/types';
import type { MetricLookup, ValidatedReading } from './types';

export const DEFAULT_MAX_AGE_MS = 7 * 24 * 3_600_000;
export const DEFAULT_MAX_FUTURE_MS = 5 * 60_000;

export interface ValidationOptions {
  catalogue: MetricLookup;
  /** Receipt time: stands in for missing device times and anchors the age/future window. */
  now: Date;
  /** Older readings are refused (`too_old`): rollups past this window are already final. */
  maxAgeMs?: number;
  /** Tolerated device clock lead before `future_timestamp`. */
  maxFutureMs?: number;
}

export interface ValidationResult {
  accepted: ValidatedReading[];
  rejects: Reject[];
  /**
   * Readings collapsed because an earlier one in the batch had the same (device, metric, time).
   * Not rejects: storage is idempotent on that key, so a repeat is success, not bad input.
   */
  duplicates: number;
}

/**
 * Checks decoded readings against the metric catalogue and the time window, and collapses
 * in-batch duplicates (first one kept, as the idempotent insert would). Each reject carries
 * the reading's index in `readings`.
 */
export function validateReadings(
  readings: readonly DecodedReading[],
  opts: ValidationOptions,
): ValidationResult {
  const nowMs = opts.now.getTime();
  const oldest = nowMs - (opts.maxAgeMs ?? DEFAULT_MAX_AGE_MS);
  const latest = nowMs + (opts.maxFutureMs ?? DEFAULT_MAX_FUTURE_MS);
  const accepted: ValidatedReading[] = [];
  const rejects: Reject[] = [];
  // Runs for every message, mostly of one reading: the duplicate and too-old bookkeeping is
  // only allocated when a message needs it.
  let seen: Set<string> | undefined;
  let duplicates = 0;
  let tooOld:
    Map<string, { index: number; metrics: Set<string>; from: number; to: number }> | undefined;

  for (let index = 0; index < readings.length; index++) {
    const r = readings[index] as DecodedReading;
    if (typeof r.deviceId !== 'string' || r.deviceId === '') {
      rejects.push({ reason: 'unknown_device', message: 'reading has no device id', index });
      continue;
    }
    const failure = check(r, opts.catalogue);
    if (failure) {
      rejects.push({ reason: failure[0], message: failure[1], deviceId: r.deviceId, index });
      continue;
    }
    const time = r.time ?? opts.now;
    const ms = time instanceof Date ? time.getTime() : Number.NaN;
    if (Number.isNaN(ms)) {
      rejects.push({
        reason: 'bad_timestamp',
        message: 'invalid timestamp',
        deviceId: r.deviceId,
        index,
      });
      continue;
    }
    if (ms > latest) {
      rejects.push({
        reason: 'future_timestamp',
        message: `timestamp ${time.toISOString()} is ${Math.round((ms - nowMs) / 1000)} s in the future`,
        deviceId: r.deviceId,
        index,
      });
      continue;
    }
    if (ms < oldest) {
      // One refusal per device and message, not per field: an old uplink is one event.
      tooOld ??= new Map();
      const group = tooOld.get(r.deviceId) ?? {
        index,
        metrics: new Set<string>(),
        from: ms,
        to: ms,
      };
      group.metrics.add(r.metric);
      group.from = Math.min(group.from, ms);
      group.to = Math.max(group.to, ms);
      tooOld.set(r.deviceId, group);
      continue;
    }
    const position = r.position === undefined ? undefined : checkedPosition(r.position);
    if (position === null) {
      rejects.push({
        reason: 'bad_shape',
        message: `${r.metric} has a position outside WGS84 range`,
        deviceId: r.deviceId,
        index,
      });
      continue;
    }
    if (readings.length > 1) {
      const key = `${r.deviceId}\u0000${r.metric}\u0000${String(ms)}`;
      seen ??= new Set();
      if (seen.has(key)) {
        duplicates++;
        continue;
      }
      seen.add(key);
    }
    // `check` let only a finite number through.
    const value = r.value as number;
    const row: ValidatedReading = { time, deviceId: r.deviceId, metric: r.metric, value };
    if (position !== undefined) row.position = position;
    accepted.push(row);
  }
  const maxAgeMs = opts.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  for (const [deviceId, g] of tooOld ?? []) {
    rejects.push({
      reason: 'too_old',
      message: tooOldMessage(g, maxAgeMs),
      deviceId,
      index: g.index,
    });
  }
  // In the order of the readings, as the other refusals are.
  if (tooOld) rejects.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  return { accepted, rejects, duplicates };
}

/** The catalogue's verdict on a reading's metric, unit and value: [reason, message] or null. */
function check(r: DecodedReading, catalogue: MetricLookup): [Reject['reason'], string] | null {
  const spec = catalogue.get(r.metric);
  if (spec === undefined) return ['unknown_metric', `unknown metric ${r.metric.slice(0, 64)}`];
  // A decoder that could not convert must not let a foreign unit through as if canonical.
  if (r.uom !== undefined && r.uom !== spec.uom)
    return ['unit_conversion', `${r.metric} is stored in ${spec.uom}, got ${r.uom.slice(0, 20)}`];
  if (typeof r.value !== 'number' || !Number.isFinite(r.value))
    return ['not_numeric', `${r.metric} must be a finite number`];
  if (r.value < spec.min || r.value > spec.max)
    return ['out_of_range', `${r.metric}=${r.value} outside ${spec.min}…${spec.max} ${spec.uom}`];
  return null;
}

/** Decoders check positions already; this guards readings built elsewhere. null = invalid. */
function checkedPosition(p: { lon: number; lat: number }): { lon: number; lat: number } | null {
  const ok =
    Number.isFinite(p.lon) &&
    Number.isFinite(p.lat) &&
    Math.abs(p.lon) <= 180 &&
    Math.abs(p.lat) <= 90;
  return ok ? { lon: p.lon, lat: p.lat } : null;
}

/** Names the metrics, their time(s) and the setting that refused them. */
function tooOldMessage(
  g: { metrics: Set<string>; from: number; to: number },
  maxAgeMs: number,
): string {
  const metrics = [...g.metrics]
    .slice(0, 12)
    .map((m) => m.slice(0, 40))
    .join(', ');
  const more = g.metrics.size > 12 ? ` and ${g.metrics.size - 12} more` : '';
  const when =
    g.from === g.to
      ? `at ${new Date(g.from).toISOString()}`
      : `from ${new Date(g.from).toISOString()} to ${new Date(g.to).toISOString()}`;
  const days = Math.round((maxAgeMs / 86_400_000) * 100) / 100;
  return `${metrics}${more} ${when}: older than the accepted age of ${days} days (INGEST_MAX_AGE_DAYS)`;
}
