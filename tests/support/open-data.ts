import type { Queryable } from '@ioc/db';
import type { TestPlatform } from './platform';

export type PublicationSubject = 'device_kind' | 'device' | 'metric' | 'indicator';

/** Sets (or, with `null`, removes) one publication switch, as an administrator's save would. */
export async function publish(
  db: Queryable,
  subject: PublicationSubject,
  key: string,
  isPublic: boolean | null,
): Promise<void> {
  if (isPublic === null) {
    await db.query('DELETE FROM open_publication WHERE subject = $1 AND key = $2', [subject, key]);
    return;
  }
  await db.query(
    `INSERT INTO open_publication (subject, key, public, updated_by) VALUES ($1, $2, $3, 'test')
     ON CONFLICT (subject, key) DO UPDATE SET public = EXCLUDED.public, updated_at = now()`,
    [subject, key, isPublic],
  );
}

/** Sets how positions are rounded on public routes (null = exact). */
export async function setPositionDecimals(db: Queryable, decimals: number | null): Promise<void> {
  await db.query('UPDATE open_data_setting SET position_decimals = $1', [decimals]);
}

/**
 * Readings of one device and metric, written as the ingest writer leaves them: rows of
 * `reading` and the newest value in `device_latest` (which makes the pair a Datastream).
 */
export async function seedReadings(
  db: Queryable,
  deviceId: string,
  metric: string,
  points: readonly { time: Date; value: number }[],
  unitCode: string | null = null,
): Promise<void> {
  for (const pt of points) {
    await db.query(
      `INSERT INTO reading (time, device_id, metric, value, unit_code) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [pt.time, deviceId, metric, pt.value, unitCode],
    );
  }
  const newest = [...points].sort((a, b) => b.time.getTime() - a.time.getTime())[0];
  if (!newest) return;
  await db.query(
    `INSERT INTO device_latest (device_id, metric, time, value, unit_code) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (device_id, metric) DO UPDATE SET time = EXCLUDED.time, value = EXCLUDED.value
     WHERE device_latest.time < EXCLUDED.time`,
    [deviceId, metric, newest.time, newest.value, unitCode],
  );
}

/** Readings every `stepMs` ending at `end`, with values from `value(i)` (i = 0 is the oldest). */
export function series(
  count: number,
  end: Date,
  stepMs: number,
  value: (i: number) => number,
): { time: Date; value: number }[] {
  return Array.from({ length: count }, (_, i) => ({
    time: new Date(end.getTime() - (count - 1 - i) * stepMs),
    value: value(i),
  }));
}

/** GET of a public path without any credential; the JSON body and status. */
export async function publicGet(
  platform: Pick<TestPlatform, 'httpUrl'>,
  path: string,
): Promise<{
  status: number;
  body: Record<string, unknown> & { value?: Record<string, unknown>[] };
}> {
  const url = path.startsWith('http') ? path : `${platform.httpUrl}${path}`;
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as never) : {} };
}

/**
 * Every entity of a collection, following `@iot.nextLink` until the last page (the links are
 * absolute and name this server).
 */
export async function listAll(
  platform: Pick<TestPlatform, 'httpUrl'>,
  path: string,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let next: string | undefined = path;
  for (let pages = 0; next !== undefined; pages++) {
    if (pages > 1000) throw new Error(`too many pages at ${path}`);
    const { status, body } = await publicGet(platform, next);
    if (status !== 200) throw new Error(`${next}: ${String(status)} ${JSON.stringify(body)}`);
    out.push(...(body.value ?? []));
    const link = body['@iot.nextLink'];
    next = typeof link === 'string' ? link : undefined;
  }
  return out;
}

/** A device row as registration leaves it, with the fields open data reads. */
export async function insertDevice(
  db: Queryable,
  d: {
    id: string;
    kind: string;
    unitCode: string | null;
    lon: number | null;
    lat: number | null;
    name?: string;
    mobile?: boolean;
    createdAt?: Date;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO device (id, kind, unit_code, lon, lat, mobile, token_hash, name, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9, now()))`,
    [
      d.id,
      d.kind,
      d.unitCode,
      d.lon,
      d.lat,
      d.mobile ?? false,
      `test-${d.id}-${String(Math.random()).slice(2)}`,
      d.name ?? null,
      d.createdAt ?? null,
    ],
  );
}

/** What the SensorThings fixture published, for suites to compare the public routes with. */
export interface StaFixture {
  end: Date;
  publicDevices: string[];
  hiddenDevices: string[];
  publicMetrics: string[];
  hiddenMetrics: string[];
}

/**
 * A small open-data world: two wards, air-quality devices published by their kind (one of them
 * withdrawn by its own switch), a water-level kind left private with one device published on
 * its own, a moving vessel, and readings of public and private metrics.
 */
export async function seedStaFixture(db: Queryable, end = new Date()): Promise<StaFixture> {
  for (const [code, name] of [
    ['90001', 'Phường Thử Một'],
    ['90002', 'Phường Thử Hai'],
  ] as const) {
    await db.query(
      `INSERT INTO admin_unit (code, name, short_name, level, parent_code, name_folded)
       VALUES ($1, $2, $2, 'ward', NULL, lower($2)) ON CONFLICT (code) DO NOTHING`,
      [code, name],
    );
  }
  const devices = [
    {
      id: 'aq-pub-1',
      kind: 'air_quality',
      unitCode: '90001',
      lon: 108.21014,
      lat: 16.05123,
      name: 'Trạm Hải Châu',
    },
    {
      id: 'aq-pub-2',
      kind: 'air_quality',
      unitCode: '90002',
      lon: 108.24,
      lat: 16.07,
      name: 'Trạm Sơn Trà',
    },
    { id: 'aq-hidden', kind: 'air_quality', unitCode: '90001', lon: 108.211, lat: 16.052 },
    { id: 'wl-private', kind: 'water_level', unitCode: '90001', lon: 108.2, lat: 16.04 },
    {
      id: 'wl-pub',
      kind: 'water_level',
      unitCode: '90002',
      lon: 108.25,
      lat: 16.06,
      name: 'Cầu Rồng',
    },
    {
      id: 'vessel-1',
      kind: 'vessel',
      unitCode: null,
      lon: 108.3,
      lat: 16.1,
      mobile: true,
      name: 'Tàu ĐNa-01',
    },
  ];
  for (const d of devices) await insertDevice(db, d);
  await publish(db, 'device_kind', 'air_quality', true);
  await publish(db, 'device_kind', 'vessel', true);
  await publish(db, 'device', 'aq-hidden', false);
  await publish(db, 'device', 'wl-pub', true);
  for (const m of ['pm25', 'pm10', 'water_level', 'speed_knots'])
    await publish(db, 'metric', m, true);
  await publish(db, 'metric', 'no2', false);
  const hour = 3_600_000;
  await seedReadings(
    db,
    'aq-pub-1',
    'pm25',
    series(6, end, hour, (i) => 20 + i * 5),
    '90001',
  );
  await seedReadings(
    db,
    'aq-pub-1',
    'pm10',
    series(4, end, hour, (i) => 40 + i),
    '90001',
  );
  await seedReadings(
    db,
    'aq-pub-1',
    'no2',
    series(3, end, hour, (i) => 10 + i),
    '90001',
  );
  await seedReadings(
    db,
    'aq-pub-2',
    'pm25',
    series(5, end, hour, (i) => 60 - i * 3),
    '90002',
  );
  await seedReadings(
    db,
    'aq-hidden',
    'pm25',
    series(3, end, hour, (i) => 99 + i),
    '90001',
  );
  await seedReadings(
    db,
    'wl-private',
    'water_level',
    series(3, end, hour, (i) => 1.2 + i / 10),
    '90001',
  );
  await seedReadings(
    db,
    'wl-pub',
    'water_level',
    series(4, end, hour, (i) => 0.5 + i / 10),
    '90002',
  );
  await seedReadings(
    db,
    'vessel-1',
    'speed_knots',
    series(3, end, hour, (i) => 7 + i),
    null,
  );
  for (const [i, pos] of [
    [108.28, 16.09],
    [108.29, 16.095],
    [108.3, 16.1],
  ].entries()) {
    await db.query(
      'INSERT INTO device_position (device_id, time, lon, lat) VALUES ($1, $2, $3, $4)',
      ['vessel-1', new Date(end.getTime() - (2 - i) * hour), pos[0], pos[1]],
    );
  }
  return {
    end,
    publicDevices: ['aq-pub-1', 'aq-pub-2', 'vessel-1', 'wl-pub'],
    hiddenDevices: ['aq-hidden', 'wl-private'],
    publicMetrics: ['pm10', 'pm25', 'speed_knots', 'water_level'],
    hiddenMetrics: ['no2'],
  };
}
