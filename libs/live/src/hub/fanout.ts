import type { Reading, ReadingDelta } from '@ioc/contracts';
import type { LiveHub } from './live-hub';

/** Coalesces committed readings into one delta per device (newest values, newest time). */
export function readingDeltas(rows: readonly Reading[]): ReadingDelta[] {
  const byDevice = new Map<string, ReadingDelta>();
  for (const r of rows) {
    const time = r.time.toISOString();
    const d = byDevice.get(r.deviceId);
    if (!d) {
      const delta: ReadingDelta = {
        deviceId: r.deviceId,
        unitCode: r.unitCode,
        time,
        values: { [r.metric]: r.value },
      };
      if (r.position) delta.position = { lon: r.position.lon, lat: r.position.lat };
      byDevice.set(r.deviceId, delta);
    } else if (time >= d.time) {
      d.values[r.metric] = r.value;
      d.time = time;
      d.unitCode = r.unitCode;
      if (r.position) d.position = { lon: r.position.lon, lat: r.position.lat };
    } else if (!(r.metric in d.values)) {
      d.values[r.metric] = r.value;
    }
  }
  return [...byDevice.values()];
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
