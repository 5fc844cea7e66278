import type { DeviceView } from '@ioc/contracts';

/** A history the tablet shows full-page: one device's, or the ward's. */
export type TabletHistory = { kind: 'device'; id: string } | { kind: 'ward'; code: string };

/** `/tablet/history/device/aq-01`, `/tablet/history/ward/20314` → the history; else null. */
export function historyOf(pathname: string): TabletHistory | null {
  const m = /^\/tablet\/history\/(device|ward)\/([^/]{1,128})\/?$/.exec(pathname);
  if (!m?.[2]) return null;
  let id: string;
  try {
    id = decodeURIComponent(m[2]);
  } catch {
    return null;
  }
  return m[1] === 'device' ? { kind: 'device', id } : { kind: 'ward', code: id };
}

export function historyPath(h: TabletHistory): string {
  return h.kind === 'device'
    ? `/tablet/history/device/${encodeURIComponent(h.id)}`
    : `/tablet/history/ward/${encodeURIComponent(h.code)}`;
}

/** The metrics the ward's devices report (what its history can chart). */
export function wardMetrics(devices: readonly DeviceView[]): string[] {
  return [...new Set(devices.flatMap((d) => Object.keys(d.latest)))].sort();
}
