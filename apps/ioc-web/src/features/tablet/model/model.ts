import type { DeviceView, ReadingDelta } from '@ioc/contracts';
import { ONLINE_WINDOW_MS } from '../../../shared/live/deviceStats';
import { SEVERITIES, STATUSES, type TabletAlert, type TabletIndicator } from './api';

/**
 * Indicators a ward leader is asked about first (Resolution 57 and the province's plans): the
 * take-up of online public services, and "digital citizens" — VNeID accounts and digital
 * signatures. Shown as large tiles above the full scorecard.
 */
export const HIGHLIGHTS = {
  publicServices: [
    'dx.online_public_service_usage',
    'dx.full_process_online_services',
    'dx.dossiers_processed_online',
    'dx.online_payment_in_procedures',
  ],
  digitalCitizens: [
    'dx.vneid_accounts',
    'dx.digital_signature_share',
    'hr.digital_citizens',
    'dx.adult_digital_or_e_signature',
  ],
} as const;

export type HighlightGroup = keyof typeof HIGHLIGHTS;

/**
 * The highlighted indicators of a group, in the order above. Indicators with data come first;
 * without any data at all the group still shows its headline indicators (grey) so the gap is
 * visible rather than silently missing.
 */
export function highlighted(items: readonly TabletIndicator[], group: HighlightGroup) {
  const codes: readonly string[] = HIGHLIGHTS[group];
  const found = codes.flatMap((c) => items.filter((i) => i.code === c));
  const withData = found.filter((i) => i.value !== null);
  return withData.length > 0 ? withData : found.slice(0, 2);
}

const STATUS_RANK = new Map<string, number>(STATUSES.map((s, i) => [s, i]));

/** Worst first (off track, at risk, on track, no target, no data), then by name. */
export function sortIndicators(
  items: readonly TabletIndicator[],
  name: (i: TabletIndicator) => string,
): TabletIndicator[] {
  return [...items].sort(
    (a, b) =>
      (STATUS_RANK.get(a.status) ?? 9) - (STATUS_RANK.get(b.status) ?? 9) ||
      name(a).localeCompare(name(b), 'vi'),
  );
}

export function countByStatus(items: readonly TabletIndicator[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const i of items) out[i.status] = (out[i.status] ?? 0) + 1;
  return out;
}

const SEVERITY_RANK = new Map<string, number>(SEVERITIES.map((s, i) => [s, i]));

/** Most severe first; within a severity, the most recently opened first. */
export function sortAlerts(alerts: readonly TabletAlert[]): TabletAlert[] {
  return [...alerts].sort(
    (a, b) =>
      (SEVERITY_RANK.get(a.severity) ?? 9) - (SEVERITY_RANK.get(b.severity) ?? 9) ||
      Date.parse(b.openedAt) - Date.parse(a.openedAt),
  );
}

/** A device is online when it reported within the wall's window (10 minutes). */
export function deviceOnline(d: DeviceView, now: number, windowMs = ONLINE_WINDOW_MS): boolean {
  if (d.lastSeen === null) return false;
  const t = Date.parse(d.lastSeen);
  return Number.isFinite(t) && now - t <= windowMs;
}

/** Offline devices first (they need a visit), then by id. */
export function sortDevices(devices: readonly DeviceView[], now: number): DeviceView[] {
  return [...devices].sort(
    (a, b) =>
      Number(deviceOnline(a, now)) - Number(deviceOnline(b, now)) || a.id.localeCompare(b.id),
  );
}

/**
 * Applies live readings from the unit's WebSocket channel to the device list; returns the same
 * array when nothing in it changed. Newer readings win; unknown devices are ignored (the next
 * full refresh brings them).
 */
export function applyReadings(
  devices: readonly DeviceView[],
  deltas: readonly ReadingDelta[],
): DeviceView[] {
  const byId = new Map(deltas.map((d) => [d.deviceId, [] as ReadingDelta[]]));
  for (const d of deltas) byId.get(d.deviceId)?.push(d);
  const out: DeviceView[] = [];
  let changed = 0;
  for (const dev of devices) {
    const mine = byId.get(dev.id);
    if (!mine) {
      out.push(dev);
      continue;
    }
    let latest = dev.latest;
    let lastSeen = dev.lastSeen;
    for (const delta of mine) {
      const t = Date.parse(delta.time);
      if (!Number.isFinite(t)) continue;
      for (const [metric, value] of Object.entries(delta.values)) {
        const prev = latest[metric];
        if (prev && Date.parse(prev.time) > t) continue;
        latest = { ...latest, [metric]: { value, time: delta.time } };
      }
      if (lastSeen === null || Date.parse(lastSeen) < t) lastSeen = delta.time;
    }
    if (latest === dev.latest && lastSeen === dev.lastSeen) {
      out.push(dev);
    } else {
      changed += 1;
      out.push({ ...dev, latest, lastSeen });
    }
  }
  return changed > 0 ? out : (devices as DeviceView[]);
}

export type AgeUnit = 'justNow' | 'minutes' | 'hours' | 'days';

/** How old a snapshot is, in the largest whole unit (under a minute is "just now"). */
export function ageOf(savedAt: number, now: number): { unit: AgeUnit; n: number } {
  const minutes = Math.floor(Math.max(0, now - savedAt) / 60_000);
  if (minutes < 1) return { unit: 'justNow', n: 0 };
  if (minutes < 60) return { unit: 'minutes', n: minutes };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { unit: 'hours', n: hours };
  return { unit: 'days', n: Math.floor(hours / 24) };
}

export type PeriodLabel =
  | { kind: 'month'; month: string; year: string }
  | { kind: 'quarter'; quarter: string; year: string }
  | { kind: 'year'; year: string }
  | { kind: 'other'; text: string };

/** Canonical period codes of the indicator API: `2026-03`, `2026-Q1`, `2026`. */
export function periodLabel(code: string): PeriodLabel {
  let m = /^(\d{4})-(\d{2})$/.exec(code);
  if (m?.[1] && m[2]) return { kind: 'month', month: m[2], year: m[1] };
  m = /^(\d{4})-Q([1-4])$/.exec(code);
  if (m?.[1] && m[2]) return { kind: 'quarter', quarter: m[2], year: m[1] };
  if (/^\d{4}$/.test(code)) return { kind: 'year', year: code };
  return { kind: 'other', text: code };
}

/** Points of an SVG polyline (viewBox 0 0 width height) for a series, null under two points. */
export function sparklinePoints(
  values: readonly number[],
  width: number,
  height: number,
  pad = 2,
  reference: number | null = null,
): { line: string; reference: number | null } | null {
  if (values.length < 2) return null;
  const all = reference === null ? values : [...values, reference];
  let min = Math.min(...all);
  let max = Math.max(...all);
  if (max - min < 1e-9) {
    min -= 1;
    max += 1;
  }
  const y = (v: number) => pad + (height - 2 * pad) * (1 - (v - min) / (max - min));
  const step = (width - 2 * pad) / (values.length - 1);
  const line = values.map((v, i) => `${(pad + i * step).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return { line, reference: reference === null ? null : Number(y(reference).toFixed(1)) };
}

const yearFormat = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' });

/** The calendar year in Vietnam (the scorecard's year), whatever the device's time zone. */
export function vnYear(date: Date): number {
  return Number(yearFormat.format(date));
}
