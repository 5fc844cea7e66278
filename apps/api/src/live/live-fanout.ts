import type { Reading, ReadingDelta } from '@ioc/contracts';
import type { LiveHub } from '@ioc/live';

/**
 * Turns committed readings into per-device deltas on the unit's channel and its parent's
 * (a ward's readings also show on the province wall).
 */
export function fanOutReadings(hub: LiveHub, rows: Reading[], parentOf: (unit: string) => string | null): void {
  const byDevice = new Map<string, ReadingDelta>();
  for (const r of rows) {
    const time = r.time.toISOString();
    const d = byDevice.get(r.deviceId);
    if (!d) {
      byDevice.set(r.deviceId, { deviceId: r.deviceId, unitCode: r.unitCode, time, values: { [r.metric]: r.value } });
    } else if (time >= d.time) {
      d.values[r.metric] = r.value;
      d.time = time;
      d.unitCode = r.unitCode;
    }
  }
  for (const delta of byDevice.values()) {
    hub.publishReading('layer:devices', delta);
    if (!delta.unitCode) continue;
    hub.publishReading(`unit:${delta.unitCode}`, delta);
    const parent = parentOf(delta.unitCode);
    if (parent) hub.publishReading(`unit:${parent}`, delta);
  }
}
