import type { BucketSize } from '@ioc/contracts';

/** The periods a history chart offers, shortest first. */
export const HISTORY_WINDOWS = ['24h', '7d', '30d'] as const;
export type HistoryWindow = (typeof HISTORY_WINDOWS)[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Each period read from the rollup tier that gives a readable line: hours for a day and a week
 * (24 and 168 points), days for a month (30 points; minutes would be 43 200).
 */
export const WINDOW_SPEC: Readonly<Record<HistoryWindow, { bucket: BucketSize; spanMs: number }>> =
  {
    '24h': { bucket: '1h', spanMs: DAY },
    '7d': { bucket: '1h', spanMs: 7 * DAY },
    '30d': { bucket: '1d', spanMs: 30 * DAY },
  };

export const BUCKET_MS: Readonly<Record<BucketSize, number>> = {
  '1m': 60_000,
  '1h': HOUR,
  '1d': DAY,
};

/** Whose history: one device, or a ward's mean over its devices. */
export type HistoryTarget = { kind: 'device'; id: string } | { kind: 'ward'; code: string };

/** The rollups request of one metric over one period ending `now`. */
export function rollupPath(
  target: HistoryTarget,
  metric: string,
  win: HistoryWindow,
  now: number,
): string {
  const spec = WINDOW_SPEC[win];
  const q = new URLSearchParams();
  if (target.kind === 'device') q.set('device', target.id);
  else q.set('unit', target.code);
  q.set('metric', metric);
  q.set('bucket', spec.bucket);
  q.set('from', new Date(now - spec.spanMs).toISOString());
  q.set('to', new Date(now).toISOString());
  return `/api/v1/rollups?${q.toString()}`;
}

/** The alerts of the device or ward, every status, newest first. */
export function alertsPath(target: HistoryTarget, limit: number): string {
  const q = new URLSearchParams();
  if (target.kind === 'device') q.set('device', target.id);
  else q.set('unit', target.code);
  q.set('limit', String(limit));
  return `/api/v1/alerts?${q.toString()}`;
}
