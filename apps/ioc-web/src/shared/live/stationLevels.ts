import type { DeviceState } from './deviceStore';

/** A station's latest value of a metric against its own alarm levels (báo động I–III). */
export interface StationStanding {
  device: DeviceState;
  value: number;
  /** Epoch ms of the value. */
  time: number;
  /** Levels reached: 0 (under báo động I) up to the number of levels the station has. */
  level: number;
  /** Distance to the next level in the metric's unit; null once past the last one. */
  toNext: number | null;
  /** How far past the last level, once every level is reached; null before that. */
  beyond: number | null;
}

/** Flood stations' levels rise I → III; a low-water station's fall. One level reads as rising. */
function rising(levels: readonly number[]): boolean {
  const [first, second] = levels;
  return first === undefined || second === undefined || second > first;
}

/**
 * Where a station stands: reaching a level includes equality, as the alert engine's `levels`
 * rules count it, so the wall and the alert agree on "báo động II".
 */
export function standing(device: DeviceState, metric: string): StationStanding | null {
  const levels = device.alarmLevels;
  const latest = device.latest.get(metric);
  if (!levels || levels.length === 0 || !latest) return null;
  const up = rising(levels);
  const level = levels.filter((l) => (up ? latest.value >= l : latest.value <= l)).length;
  const next = levels[level];
  const last = levels[levels.length - 1] ?? latest.value;
  return {
    device,
    value: latest.value,
    time: latest.time,
    level,
    toNext: next === undefined ? null : Math.abs(next - latest.value),
    beyond: next === undefined ? Math.abs(latest.value - last) : null,
  };
}

/**
 * Stations most at risk first: the highest level reached, then the closest to its next level
 * (past the last level: the furthest beyond it).
 */
export function stationStandings(
  devices: readonly DeviceState[],
  metric: string,
  limit: number,
): StationStanding[] {
  return devices
    .map((d) => standing(d, metric))
    .filter((s): s is StationStanding => s !== null)
    .sort(
      (a, b) =>
        b.level - a.level ||
        (a.toNext ?? 0) - (b.toNext ?? 0) ||
        (b.beyond ?? 0) - (a.beyond ?? 0) ||
        a.device.id.localeCompare(b.device.id),
    )
    .slice(0, limit);
}
