import {
  alertAuditResponse,
  alertDetailSchema,
  alertListResponse,
  rollupSeriesSchema,
  type AlertViewWire,
  type RollupPoint,
} from '@ioc/contracts';
import { apiGet } from '../api/client';
import { buildTimeline, type TimelineEntry } from './timeline';
import { alertsPath, rollupPath, type HistoryTarget, type HistoryWindow } from './historyWindow';

/** A month of one metric is one page; a safety stop should the server page smaller. */
const MAX_PAGES = 10;
/** The alerts listed under a chart: the latest ones (a month rarely holds more). */
export const ALERT_LIMIT = 30;

/** One metric's rollups over a period, every page. */
export async function fetchHistorySeries(
  target: HistoryTarget,
  metric: string,
  win: HistoryWindow,
  now: number,
  signal?: AbortSignal,
): Promise<{ from: number; to: number; items: RollupPoint[] }> {
  const base = rollupPath(target, metric, win, now);
  const first = rollupSeriesSchema.parse(await apiGet(base, signal));
  const items = [...first.items];
  let cursor = first.nextCursor;
  for (let page = 1; cursor !== null && page < MAX_PAGES; page++) {
    const next = rollupSeriesSchema.parse(
      await apiGet(`${base}&cursor=${encodeURIComponent(cursor)}`, signal),
    );
    items.push(...next.items);
    cursor = next.nextCursor;
  }
  return { from: Date.parse(first.from), to: Date.parse(first.to), items };
}

/** The device's or ward's alerts, open and past, newest first. */
export async function fetchHistoryAlerts(
  target: HistoryTarget,
  signal?: AbortSignal,
): Promise<AlertViewWire[]> {
  return alertListResponse.parse(await apiGet(alertsPath(target, ALERT_LIMIT), signal)).items;
}

/** An alert's steps: its audit trail with its notes' words. */
export async function fetchAlertTimeline(
  id: string,
  signal?: AbortSignal,
): Promise<TimelineEntry[]> {
  const path = `/api/v1/alerts/${encodeURIComponent(id)}`;
  const [detail, audit] = await Promise.all([
    apiGet(path, signal).then((b) => alertDetailSchema.parse(b)),
    apiGet(`${path}/audit`, signal).then((b) => alertAuditResponse.parse(b)),
  ]);
  return buildTimeline(audit.items, detail.notes);
}
