import type { CameraEventCounts } from '../../../shared/api/cameraEventCounts';

export interface FlowHour {
  /** Start of the hour (ms). */
  hour: number;
  in: number;
  out: number;
}

const HOUR = 3_600_000;

/**
 * Vehicles in and out per hour over the last `hours` hours, oldest first, an hour with no
 * crossing shown as 0 (a gate that was quiet is a fact, not a gap). Plate reads and vehicle
 * detections both count; events without a direction do not.
 */
export function vehicleFlow(
  counts: CameraEventCounts | null,
  now: number,
  hours: number,
): FlowHour[] {
  const current = Math.floor(now / HOUR) * HOUR;
  const rows: FlowHour[] = [];
  for (let i = hours - 1; i >= 0; i--) rows.push({ hour: current - i * HOUR, in: 0, out: 0 });
  const byHour = new Map(rows.map((r) => [r.hour, r]));
  for (const b of counts?.buckets ?? []) {
    if (b.type !== 'anpr' && b.type !== 'vehicle') continue;
    const row = byHour.get(Date.parse(b.hour));
    if (!row || b.direction === null) continue;
    row[b.direction] += b.count;
  }
  return rows;
}
