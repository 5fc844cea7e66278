import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, createTestDatabase, type TestDatabase } from '../support/databases';
import { testEnv } from '../support/env';
import { badUnitsCollection, boundaryPath } from '../support/geo-fixtures';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasPostgres = await postgresAvailable();

interface Unit {
  code: string;
  name: string;
  parentCode: string | null;
  approximate: boolean;
  label: [number, number] | null;
}

describe.skipIf(!hasPostgres)('units API on real boundaries', () => {
  let db: TestDatabase;
  let platform: TestPlatform;
  const get = async <T>(path: string): Promise<T> => {
    const res = await platform.api(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    db = await createTestDatabase(testEnv.postgresAdminUrl);
    platform = await startTestPlatform({
      DATABASE_URL: db.url,
      IOC_BOUNDARIES: boundaryPath('48_da_nang.wards.geojson'),
    });
  });
  afterAll(async () => {
    await platform.dispose();
    await db.drop();
  });

  it('seeds Đà Nẵng from the official boundaries: 94 units under 48, not approximate, Hoàng Sa included', async () => {
    const { items } = await get<{ items: Unit[] }>('/api/v1/units?parent=48');
    expect(items).toHaveLength(94);
    expect(items.every((u) => u.parentCode === '48' && !u.approximate && u.label !== null)).toBe(
      true,
    );
    expect(items.some((u) => u.name === 'Đặc khu Hoàng Sa')).toBe(true);
  });

  it('imports Đồng Nai through the admin API: 95 units under 75; re-import changes nothing', async () => {
    const body = readFileSync(boundaryPath('75_dong_nai.wards.geojson'));
    const post = () =>
      platform.api('/api/v1/units/import?parent=75', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const first = (await (await post()).json()) as {
      ok: boolean;
      counts: { inserted: number; updated: number; unchanged: number };
    };
    expect(first.counts).toEqual({ inserted: 95, updated: 0, unchanged: 0 });
    const second = (await (await post()).json()) as {
      counts: { inserted: number; unchanged: number };
    };
    expect(second.counts).toMatchObject({ inserted: 0, unchanged: 95 });
    const { items } = await get<{ items: Unit[] }>('/api/v1/units?parent=75');
    expect(items).toHaveLength(95);
  });

  it('refuses a file with a bow-tie, UTM metres and a duplicate code with three reasons, changing nothing', async () => {
    const before = await platform.ctx.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM admin_unit',
    );
    const res = await platform.api('/api/v1/units/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(badUnitsCollection()),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; details: { errors: { reason: string; code: string }[] } };
    };
    expect(body.error.code).toBe('UNITS_IMPORT_INVALID');
    const reasons = body.error.details.errors.map((e) => e.reason).sort();
    expect(reasons).toHaveLength(3);
    expect(reasons.join(' ')).toMatch(/self_intersection|bow/);
    expect(reasons.join(' ')).toMatch(/projected|wgs84|not_wgs84|crs/i);
    expect(reasons.join(' ')).toMatch(/duplicate/);
    const after = await platform.ctx.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM admin_unit',
    );
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('locates a point in its ward and an offshore point in none', async () => {
    const hoaXuan = await get<Unit>('/api/v1/units/20314');
    const [lon, lat] = hoaXuan.label ?? [0, 0];
    const inside = await get<{ unit: Unit | null }>(`/api/v1/units/locate?lon=${lon}&lat=${lat}`);
    expect(inside.unit?.code).toBe('20314');
    const sea = await get<{ unit: Unit | null }>('/api/v1/units/locate?lon=108.6&lat=16.0');
    expect(sea.unit).toBeNull();
  });

  it('finds Hoà Xuân whichever way it is typed', async () => {
    for (const q of ['hoa xuan', 'Hòa Xuân', 'Hoà Xuân', '20314']) {
      const { items } = await get<{ items: Unit[] }>(`/api/v1/units?q=${encodeURIComponent(q)}`);
      expect(items[0]?.code, q).toBe('20314');
    }
  });

  it('serves map geometry per zoom band, compactly as TopoJSON, with cache headers, and neighbours', async () => {
    for (const band of ['low', 'mid', 'high']) {
      const res = await platform.api(`/api/v1/units/48/map?band=${band}`);
      expect(res.headers.get('cache-control')).toMatch(/max-age/);
      const fc = (await res.json()) as { features: { geometry: { type: string } | null }[] };
      expect(fc.features).toHaveLength(94);
      expect(fc.features.every((f) => f.geometry?.type === 'MultiPolygon')).toBe(true);
    }
    const geo = await (await platform.api('/api/v1/units/48/map?band=low')).text();
    const topo = await (await platform.api('/api/v1/units/48/map?band=low&format=topojson')).text();
    expect((JSON.parse(topo) as { type: string }).type).toBe('Topology');
    expect(topo.length).toBeLessThan(geo.length / 2);
    const n = await get<{ items: Unit[] }>('/api/v1/units/20314/neighbours');
    expect(n.items.length).toBeGreaterThan(1);
  });
});
