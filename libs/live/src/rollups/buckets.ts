/**
 * Rollup bucket sizes and their alignment. Minute and hour buckets are aligned in UTC (the same
 * instants as local time: Việt Nam is UTC+7 all year, no daylight saving); day buckets start at
 * local midnight (Asia/Ho_Chi_Minh), as the writer's date_trunc(…, 'Asia/Ho_Chi_Minh') and the
 * TimescaleDB continuous aggregate's time_bucket(…, 'Asia/Ho_Chi_Minh') both do.
 */
import type { BucketSize } from '@ioc/contracts';

export { BUCKET_SIZES, type BucketSize } from '@ioc/contracts';

export const BUCKET_MS: Readonly<Record<BucketSize, number>> = {
  '1m': 60_000,
  '1h': 3_600_000,
  '1d': 86_400_000,
};

/** Việt Nam's offset from UTC (fixed since 1975). */
export const VN_OFFSET_MS = 7 * 3_600_000;

/** Start (epoch ms) of the bucket holding `ms`. */
export function bucketStart(size: BucketSize, ms: number): number {
  const len = BUCKET_MS[size];
  if (size === '1d') return Math.floor((ms + VN_OFFSET_MS) / len) * len - VN_OFFSET_MS;
  return Math.floor(ms / len) * len;
}

/** The rollup relation of a size: a table in PostgreSQL/PGlite mode, a continuous aggregate in TimescaleDB mode. */
export const ROLLUP_RELATION: Readonly<Record<BucketSize, string>> = {
  '1m': 'rollup_1m',
  '1h': 'rollup_1h',
  '1d': 'rollup_1d',
};
