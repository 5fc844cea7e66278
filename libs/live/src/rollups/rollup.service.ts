import { z } from 'zod';
import { DomainError, latestQuerySchema, parseInput, rollupQuerySchema } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { decodeCursor, encodeCursor, requireUnit, type LiveUnits } from '../common/query';
import { meanOf } from './aggregate';
import { BUCKET_MS, bucketStart, type BucketSize } from './buckets';
import { LatestRepository, type LatestRow } from './latest.repository';
import { RollupRepository } from './rollup.repository';

/** Default window when `from` is omitted: an hour of minutes, a day of hours, 30 days. */
const DEFAULT_SPAN: Readonly<Record<BucketSize, number>> = {
  '1m': 3_600_000,
  '1h': 86_400_000,
  '1d': 30 * 86_400_000,
};
/** Widest window per request (pages still apply): a week of minutes, a year of hours, ten years. */
const MAX_SPAN: Readonly<Record<BucketSize, number>> = {
  '1m': 7 * 86_400_000,
  '1h': 366 * 86_400_000,
  '1d': 3660 * 86_400_000,
};

const cursorSchema = z.object({ u: z.string().optional(), m: z.string(), b: z.number() });

export interface RollupPoint {
  metric: string;
  unitCode?: string | null;
  /** Bucket start. Day buckets start at local midnight (Asia/Ho_Chi_Minh). */
  bucket: string;
  n: number;
  sum: number;
  min: number;
  max: number;
  /** Σsum / Σn. */
  mean: number | null;
}

export interface RollupSeries {
  asOf: string;
  unit?: string;
  device?: string;
  bucket: BucketSize;
  from: string;
  to: string;
  items: RollupPoint[];
  nextCursor: string | null;
}

export interface LatestValue {
  value: number;
  time: string;
  ageS: number;
}

export interface LatestDevice {
  deviceId: string;
  kind: string | null;
  unitCode: string | null;
  values: Record<string, LatestValue>;
}

export interface LatestUnit {
  unitCode: string;
  metric: string;
  /** Devices whose latest value is fresh enough (maxAgeS) to count. */
  devices: number;
  mean: number;
  min: number;
  max: number;
  newest: string;
  /** Age of the newest value, seconds. */
  ageS: number;
}

export interface LatestView {
  asOf: string;
  unit: string;
  maxAgeS: number;
  devices: LatestDevice[];
  /** Per unit (a province: each ward, and the province itself) and metric. */
  units: LatestUnit[];
  nextCursor: string | null;
}

/** Sensor rollups and latest values per unit and device: the query side of the live data. */
export class RollupService {
  private readonly repo: RollupRepository;
  private readonly latestRepo: LatestRepository;

  constructor(
    db: Queryable,
    private readonly units: LiveUnits,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.repo = new RollupRepository(db);
    this.latestRepo = new LatestRepository(db);
  }

  async series(input: unknown): Promise<RollupSeries> {
    const q = parseInput(rollupQuerySchema, input, 'QUERY_INVALID');
    const now = this.clock();
    const to = q.to ?? now;
    const fromRaw = q.from ?? new Date(to.getTime() - DEFAULT_SPAN[q.bucket]);
    const from = new Date(bucketStart(q.bucket, fromRaw.getTime()));
    if (!(to > from)) throw new DomainError('invalid', 'QUERY_INVALID', 'to must be after from');
    if (to.getTime() - from.getTime() > MAX_SPAN[q.bucket] + BUCKET_MS[q.bucket]) {
      throw new DomainError(
        'invalid',
        'RANGE_TOO_WIDE',
        `at most ${String(MAX_SPAN[q.bucket] / 86_400_000)} days of ${q.bucket} buckets per request`,
      );
    }
    const unitCodes = q.unit !== undefined ? await requireUnit(this.units, q.unit) : undefined;
    const after = decodeCursor(cursorSchema, q.cursor);
    const byUnit = q.by === 'unit';
    const cells = await this.repo.series({
      size: q.bucket,
      ...(unitCodes ? { unitCodes } : {}),
      ...(q.device !== undefined ? { deviceId: q.device } : {}),
      metrics: q.metric ?? null,
      from,
      to,
      byUnit,
      after: after
        ? { unitCode: after.u ?? null, metric: after.m, bucket: new Date(after.b) }
        : undefined,
      limit: q.limit + 1,
    });
    const page = cells.slice(0, q.limit);
    const last = page.at(-1);
    const nextCursor =
      cells.length > q.limit && last
        ? encodeCursor({
            ...(byUnit ? { u: last.unitCode ?? '' } : {}),
            m: last.metric,
            b: last.bucket.getTime(),
          })
        : null;
    return {
      asOf: now.toISOString(),
      ...(q.unit !== undefined ? { unit: q.unit } : {}),
      ...(q.device !== undefined ? { device: q.device } : {}),
      bucket: q.bucket,
      from: from.toISOString(),
      to: to.toISOString(),
      items: page.map((c) => ({
        metric: c.metric,
        ...(byUnit ? { unitCode: c.unitCode ?? null } : {}),
        bucket: c.bucket.toISOString(),
        n: c.n,
        sum: c.sum,
        min: c.min,
        max: c.max,
        mean: meanOf(c),
      })),
      nextCursor,
    };
  }

  async latest(input: unknown): Promise<LatestView> {
    const q = parseInput(latestQuerySchema, input, 'QUERY_INVALID');
    const now = this.clock();
    const unitCodes = await requireUnit(this.units, q.unit);
    const rows = await this.latestRepo.forUnits(unitCodes, q.metric ?? null);
    const ageS = (t: Date) => Math.max(0, Math.round((now.getTime() - t.getTime()) / 1000));

    const byDevice = new Map<string, LatestDevice>();
    for (const r of rows) {
      let d = byDevice.get(r.deviceId);
      if (!d)
        byDevice.set(
          r.deviceId,
          (d = { deviceId: r.deviceId, kind: r.kind, unitCode: r.unitCode, values: {} }),
        );
      d.values[r.metric] = { value: r.value, time: r.time.toISOString(), ageS: ageS(r.time) };
    }
    const after = decodeCursor(z.object({ d: z.string() }), q.cursor);
    const all = [...byDevice.values()].sort((a, b) => a.deviceId.localeCompare(b.deviceId));
    const start = after ? all.findIndex((d) => d.deviceId.localeCompare(after.d) > 0) : 0;
    const page = start < 0 ? [] : all.slice(start, start + q.limit);
    const more = start >= 0 && start + q.limit < all.length;
    const lastDevice = page.at(-1);

    const fresh = rows.filter((r) => ageS(r.time) <= q.maxAgeS);
    const units = [
      // A province's own row is the combination below, not just devices placed at province level.
      ...aggregateLatest(
        fresh,
        (r) => (unitCodes.length > 1 && r.unitCode === q.unit ? null : r.unitCode),
        now,
      ),
      ...(unitCodes.length > 1 ? aggregateLatest(fresh, () => q.unit, now) : []),
    ].sort((a, b) =>
      a.unitCode === b.unitCode
        ? a.metric.localeCompare(b.metric)
        : a.unitCode.localeCompare(b.unitCode),
    );

    return {
      asOf: now.toISOString(),
      unit: q.unit,
      maxAgeS: q.maxAgeS,
      devices: page,
      units,
      nextCursor: more && lastDevice ? encodeCursor({ d: lastDevice.deviceId }) : null,
    };
  }
}

function aggregateLatest(
  rows: readonly LatestRow[],
  keyOf: (r: LatestRow) => string | null,
  now: Date,
): LatestUnit[] {
  const groups = new Map<
    string,
    {
      unitCode: string;
      metric: string;
      n: number;
      sum: number;
      min: number;
      max: number;
      newest: number;
    }
  >();
  for (const r of rows) {
    const unitCode = keyOf(r);
    if (unitCode === null) continue;
    const k = `${unitCode}\u0000${r.metric}`;
    const t = r.time.getTime();
    const g = groups.get(k);
    if (!g) {
      groups.set(k, {
        unitCode,
        metric: r.metric,
        n: 1,
        sum: r.value,
        min: r.value,
        max: r.value,
        newest: t,
      });
    } else {
      g.n++;
      g.sum += r.value;
      g.min = Math.min(g.min, r.value);
      g.max = Math.max(g.max, r.value);
      g.newest = Math.max(g.newest, t);
    }
  }
  return [...groups.values()].map((g) => ({
    unitCode: g.unitCode,
    metric: g.metric,
    devices: g.n,
    mean: g.sum / g.n,
    min: g.min,
    max: g.max,
    newest: new Date(g.newest).toISOString(),
    ageS: Math.max(0, Math.round((now.getTime() - g.newest) / 1000)),
  }));
}
