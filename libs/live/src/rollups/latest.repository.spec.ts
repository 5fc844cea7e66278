import type { Reading } from '@ioc/contracts';
import { createMigratedPglite, type DisposableDb } from '@ioc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LatestRepository } from './latest.repository';

const t = (minute: number) => new Date(Date.UTC(2026, 2, 1, 8, minute));
const at = (
  deviceId: string,
  minute: number,
  lon: number,
  lat: number,
  metric = 'speed',
): Reading => ({
  deviceId,
  metric,
  value: 1,
  time: t(minute),
  unitCode: null,
  position: { lon, lat },
});

describe('LatestRepository.notePositions on PostgreSQL (PGlite)', { timeout: 120_000 }, () => {
  let db: DisposableDb;
  let repo: LatestRepository;
  const history = async (id: string) =>
    (
      await db.query<{ time: Date; lon: number; lat: number }>(
        'SELECT time, lon, lat FROM device_position WHERE device_id = $1 ORDER BY time',
        [id],
      )
    ).rows.map((r) => ({ time: r.time.toISOString(), lon: r.lon, lat: r.lat }));
  const position = async (id: string) =>
    (
      await db.query<{ lon: number | null; lat: number | null; position_at: Date | null }>(
        'SELECT lon, lat, position_at FROM device WHERE id = $1',
        [id],
      )
    ).rows[0];

  beforeAll(async () => {
    db = await createMigratedPglite();
    for (const [id, mobile] of [
      ['vessel-1', true],
      ['vessel-2', true],
      ['buoy-1', false],
    ] as const)
      await db.query(
        'INSERT INTO device (id, kind, mobile, lon, lat, token_hash) VALUES ($1, $2, $3, 108.2, 16.0, $4)',
        [id, mobile ? 'vessel' : 'water_level', mobile, `hash-${id}`],
      );
    repo = new LatestRepository(db);
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('keeps every committed position of a mobile device, once per instant, in one statement', async () => {
    let statements = 0;
    const counted = new LatestRepository({
      query: (text, values) => {
        statements++;
        return db.query(text, values);
      },
    });
    const moved = await counted.notePositions([
      at('vessel-1', 1, 108.21, 16.01),
      at('vessel-1', 1, 108.21, 16.01, 'heading'),
      at('vessel-1', 2, 108.22, 16.02),
      at('vessel-2', 3, 108.3, 16.1),
      at('buoy-1', 3, 109, 17),
    ]);
    expect(moved).toBe(2);
    expect(statements).toBe(1);
    expect(await history('vessel-1')).toEqual([
      { time: t(1).toISOString(), lon: 108.21, lat: 16.01 },
      { time: t(2).toISOString(), lon: 108.22, lat: 16.02 },
    ]);
    expect(await history('vessel-2')).toEqual([
      { time: t(3).toISOString(), lon: 108.3, lat: 16.1 },
    ]);
    // A fixed device has no history and is not moved by a position in its payload.
    expect(await history('buoy-1')).toEqual([]);
    expect(await position('buoy-1')).toMatchObject({ lon: 108.2, lat: 16.0, position_at: null });
    expect(await position('vessel-1')).toMatchObject({ lon: 108.22, lat: 16.02 });
  });

  it('records a late position in the history without moving the device back', async () => {
    const moved = await repo.notePositions([at('vessel-1', 0, 108.2, 16.0)]);
    expect(moved).toBe(0);
    expect((await history('vessel-1')).map((h) => h.time)).toEqual(
      [0, 1, 2].map((m) => t(m).toISOString()),
    );
    expect(await position('vessel-1')).toMatchObject({ lon: 108.22, lat: 16.02 });
  });

  it('keeps the first position stored for an instant (a redelivery changes nothing)', async () => {
    await repo.notePositions([at('vessel-2', 3, 120, 10)]);
    expect(await history('vessel-2')).toEqual([
      { time: t(3).toISOString(), lon: 108.3, lat: 16.1 },
    ]);
  });
});
