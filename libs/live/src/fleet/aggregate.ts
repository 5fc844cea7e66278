import { deviceStatus, type DeviceStatus } from './status';
import { uptimeValue, type UptimeValue } from './uptime';

export interface DeviceUptime {
  deviceId: string;
  unitCode: string | null;
  kind: string;
  uptime: UptimeValue;
}

export interface UptimeGroup extends UptimeValue {
  /** Unit code or device kind; '' for devices without a unit. */
  key: string;
  devices: number;
}

/**
 * Fleet uptime per ward or per device kind: the mean of device uptimes weighted by each device's
 * period length, which is exactly Σ up-seconds / Σ expected-seconds — so the group value is itself
 * a numerator/denominator pair that rolls up further (wards → province) by summing.
 */
export function aggregateUptime(
  devices: readonly DeviceUptime[],
  by: 'unit' | 'kind',
): UptimeGroup[] {
  const groups = new Map<string, { num: number; den: number; n: number }>();
  for (const d of devices) {
    const key = by === 'unit' ? (d.unitCode ?? '') : d.kind;
    const g = groups.get(key) ?? { num: 0, den: 0, n: 0 };
    g.num += d.uptime.numerator;
    g.den += d.uptime.denominator;
    g.n += 1;
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({ key, devices: g.n, ...uptimeValue(g.num, g.den) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export interface DeviceLiveness {
  deviceId: string;
  unitCode: string | null;
  kind: string;
  lastSeenMs: number | null;
  expectedIntervalS: number;
}

export interface StatusCounts {
  key: string;
  online: number;
  late: number;
  offline: number;
  never: number;
  total: number;
}

/** Online/late/offline/never-heard counts per ward or per kind, for the wall's fleet panel. */
export function statusCounts(
  devices: readonly DeviceLiveness[],
  by: 'unit' | 'kind',
  nowMs: number,
): StatusCounts[] {
  const groups = new Map<string, StatusCounts>();
  for (const d of devices) {
    const key = by === 'unit' ? (d.unitCode ?? '') : d.kind;
    const g = groups.get(key) ?? { key, online: 0, late: 0, offline: 0, never: 0, total: 0 };
    const s: DeviceStatus = deviceStatus(d.lastSeenMs, d.expectedIntervalS, nowMs);
    g[s] += 1;
    g.total += 1;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}
