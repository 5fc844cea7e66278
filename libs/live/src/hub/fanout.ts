import type { Reading, ReadingDelta } from '@ioc/contracts';
import type { LiveHub } from './live-hub';

/** Coalesces committed readings into one delta per device (newest values, newest time). */
export function readingDeltas(rows: readonly Reading[]): ReadingDelta[] {
  // Newest time per device as a number: a batch holds thousands of rows, and an ISO string per
  // row (to compare) cost more than the rest of the fan-out. Formatted once per device below.
  const byDevice = new Map<string, { delta: ReadingDelta; ms: number }>();
  for (const r of rows) {
    const ms = r.time.getTime();
    const e = byDevice.get(r.deviceId);
    if (!e) {
      const delta: ReadingDelta = {
        deviceId: r.deviceId,
        unitCode: r.unitCode,
        time: '',
        values: { [r.metric]: r.value },
      };
      if (r.position) delta.position = { lon: r.position.lon, lat: r.position.lat };
      byDevice.set(r.deviceId, { delta, ms });
    } else if (ms >= e.ms) {
      const d = e.delta;
      d.values[r.metric] = r.value;
      e.ms = ms;
      d.unitCode = r.unitCode;
      if (r.position) d.position = { lon: r.position.lon, lat: r.position.lat };
    } else if (!(r.metric in e.delta.values)) {
      e.delta.values[r.metric] = r.value;
    }
  }
  const out: ReadingDelta[] = [];
  for (const { delta, ms } of byDevice.values()) {
    delta.time = new Date(ms).toISOString();
    out.push(delta);
  }
  return out;
}

/**
 * Puts per-device deltas on the devices layer, the unit's channel and its parent's (a ward's
 * readings also show on the province wall).
 */
export function publishDeltas(
  hub: LiveHub,
  deltas: readonly ReadingDelta[],
  parentOf: (unit: string) => string | null,
  homeOf?: (deviceId: string) => string | null,
): void {
  for (const delta of deltas) {
    hub.publishReading('layer:devices', delta);
    // A reading outside every unit (a vessel at sea) goes to its device's registered unit.
    const unit = delta.unitCode ?? homeOf?.(delta.deviceId) ?? null;
    if (!unit) continue;
    hub.publishReading(`unit:${unit}`, delta);
    const parent = parentOf(unit);
    if (parent) hub.publishReading(`unit:${parent}`, delta);
  }
}

/** Turns committed readings into per-device deltas on the hub (see publishDeltas). */
export function fanOutReadings(
  hub: LiveHub,
  rows: readonly Reading[],
  parentOf: (unit: string) => string | null,
  homeOf?: (deviceId: string) => string | null,
): ReadingDelta[] {
  const deltas = readingDeltas(rows);
  publishDeltas(hub, deltas, parentOf, homeOf);
  return deltas;
}
