/**
 * SensorThings spatial filters on a real ward polygon (../shared/data/boundaries): `st_within`
 * and `geo.intersects` with a `geography'…'` literal return exactly the published devices of the
 * ward — not a device of the ward that is not public, not a public device of the next ward — on
 * embedded PGlite and on real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { backendFactories, type Backend } from '../support/backends';
import { postgresAvailable } from '../support/databases';
import { readBoundary } from '../support/geo-fixtures';
import { insertUnit } from '../support/ingest';
import { insertDevice, listAll, publish, publicGet } from '../support/open-data';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasPostgres = await postgresAvailable();
const REQ = 'http://www.opengis.net/spec/iot_sensing/1.1/req/request-data';

type Ring = [number, number][];
interface Ward {
  code: string;
  name: string;
  polygons: Ring[][];
}

interface BoundaryFeature {
  properties: { code: string; fullName: string };
  geometry: { type: string; coordinates: unknown };
}
const BOUNDARIES = (readBoundary('48_da_nang.wards.geojson') as { features: BoundaryFeature[] })
  .features;

/** A ward's polygons, rounded to `decimals` (5 ≈ 1 m; null keeps the file's own coordinates). */
function ward(code: string, decimals: number | null = 5): Ward {
  const f = BOUNDARIES.find((x) => x.properties.code === code);
  if (!f) throw new Error(`ward ${code} missing from the boundary file`);
  const round = (v: number) =>
    decimals === null ? v : Math.round(v * 10 ** decimals) / 10 ** decimals;
  const polys = (
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
  ) as Ring[][];
  return {
    code,
    name: f.properties.fullName,
    polygons: polys.map((p) =>
      p.map((ring) => ring.map(([x, y]) => [round(x), round(y)] as [number, number])),
    ),
  };
}

function wkt(w: Ward): string {
  const ring = (r: Ring) => `(${r.map(([x, y]) => `${String(x)} ${String(y)}`).join(', ')})`;
  const poly = (p: Ring[]) => `(${p.map(ring).join(', ')})`;
  return w.polygons.length === 1
    ? `POLYGON${poly(w.polygons[0] ?? [])}`
    : `MULTIPOLYGON(${w.polygons.map(poly).join(', ')})`;
}

/** Points well inside the ward, before and after rounding to the 3 published decimals. */
function pointsInside(w: Ward, count: number): [number, number][] {
  const geom = { type: 'MultiPolygon' as const, coordinates: w.polygons };
  const xs = w.polygons.flat(2).map((c) => c[0]);
  const ys = w.polygons.flat(2).map((c) => c[1]);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const out: [number, number][] = [];
  const inside = (x: number, y: number) =>
    [0, 0.002, -0.002].every((dx) =>
      [0, 0.002, -0.002].every((dy) =>
        booleanPointInPolygon([x + dx, y + dy], geom, { ignoreBoundary: true }),
      ),
    );
  for (let i = 1; i < 20 && out.length < count; i++) {
    for (let j = 1; j < 20 && out.length < count; j++) {
      const x = minX + ((maxX - minX) * i) / 20;
      const y = minY + ((maxY - minY) * j) / 20;
      const r = (v: number) => Math.round(v * 1e3) / 1e3;
      if (
        inside(x, y) &&
        inside(r(x), r(y)) &&
        out.every((p) => Math.abs(p[0] - x) + Math.abs(p[1] - y) > 0.003)
      )
        out.push([x, y]);
    }
  }
  if (out.length < count)
    throw new Error(`found only ${String(out.length)} points inside ${w.name}`);
  return out;
}

for (const factory of backendFactories().filter((f) => f.mode !== 'timescaledb')) {
  describe.skipIf(factory.mode === 'postgres' && !hasPostgres)(
    `SensorThings spatial filters — ${factory.mode}`,
    () => {
      let platform: TestPlatform;
      let backend: Backend | undefined;
      const haiChau = ward('20242');
      const anHai = ward('20275');
      // The ward whose boundary is the longest to write out, at the file's full precision.
      const largest = BOUNDARIES.map((f) => ward(f.properties.code, null)).sort(
        (a, b) => wkt(b).length - wkt(a).length,
      )[0] as Ward;
      let expected: string[] = [];

      beforeAll(async () => {
        backend = factory.mode === 'postgres' ? await factory.create() : undefined;
        platform = await startTestPlatform({
          SEED_DEMO: 'false',
          ...(backend ? { DATABASE_URL: backend.url } : {}),
        });
        const db = platform.ctx.pool;
        for (const w of [haiChau, anHai, largest]) await insertUnit(db, w.code, w.name);
        const inHaiChau = pointsInside(haiChau, 4);
        const [inAnHai] = pointsInside(anHai, 1);
        const [inLargest] = pointsInside(largest, 1);
        const devices = [
          { id: 'hc-aq-1', kind: 'air_quality', p: inHaiChau[0] },
          { id: 'hc-aq-2', kind: 'air_quality', p: inHaiChau[1] },
          { id: 'hc-noise', kind: 'noise', p: inHaiChau[2] }, // published on its own
          { id: 'hc-hidden', kind: 'air_quality', p: inHaiChau[3] }, // withdrawn: must not show
          { id: 'ah-aq-1', kind: 'air_quality', p: inAnHai, unit: anHai.code },
          { id: 'big-aq-1', kind: 'air_quality', p: inLargest, unit: largest.code },
        ];
        for (const d of devices) {
          const [lon, lat] = d.p ?? [0, 0];
          await insertDevice(db, {
            id: d.id,
            kind: d.kind,
            unitCode: d.unit ?? haiChau.code,
            lon,
            lat,
          });
        }
        await publish(db, 'device_kind', 'air_quality', true);
        await publish(db, 'device', 'hc-noise', true);
        await publish(db, 'device', 'hc-hidden', false);
        // What the comparison is made with: the ward's devices, as the publication settings say.
        const { rows } = await db.query<{ id: string }>(
          'SELECT id FROM open_public_device WHERE unit_code = $1 ORDER BY id',
          [haiChau.code],
        );
        expected = rows.map((r) => r.id);
      }, 120_000);

      afterAll(async () => {
        await platform.dispose();
        await backend?.dispose();
      });

      const ids = async (set: string, filter: string) =>
        (await listAll(platform, `/sta/v1.1/${set}?$filter=${encodeURIComponent(filter)}`))
          .map((e) => e['@iot.id'])
          .sort();

      it(`${REQ}/built-in-query-functions: st_within(location, geography'…') on Things and Locations gives the ward's public devices`, async () => {
        expect(expected).toEqual(['hc-aq-1', 'hc-aq-2', 'hc-noise']);
        const literal = `geography'${wkt(haiChau)}'`;
        expect(await ids('Things', `st_within(Locations/location, ${literal})`)).toEqual(expected);
        expect(await ids('Locations', `st_within(location, ${literal})`)).toEqual(expected);
        expect(await ids('FeaturesOfInterest', `st_intersects(feature, ${literal})`)).toEqual(
          expected,
        );
      });

      it(`${REQ}/built-in-query-functions: geo.intersects, st_disjoint and st_contains`, async () => {
        const literal = `geography'${wkt(haiChau)}'`;
        expect(await ids('Things', `geo.intersects(location, ${literal})`)).toEqual(expected);
        expect(await ids('Things', `st_disjoint(location, ${literal})`)).toEqual([
          'ah-aq-1',
          'big-aq-1',
        ]);
        expect(
          await ids('Things', `st_contains(${literal}, location) and properties/kind eq 'noise'`),
        ).toEqual(['hc-noise']);
      });

      it(`${REQ}/built-in-query-functions: st_relate with a DE-9IM pattern (within, contains, disjoint)`, async () => {
        const literal = `geography'${wkt(haiChau)}'`;
        expect(await ids('Things', `st_relate(location, ${literal}, 'T*F**F***')`)).toEqual(
          expected,
        );
        expect(await ids('Locations', `st_relate(${literal}, location, 'T*****FF*')`)).toEqual(
          expected,
        );
        expect(await ids('Things', `st_relate(location, ${literal}, 'FF*FF****')`)).toEqual([
          'ah-aq-1',
          'big-aq-1',
        ]);
        const bad = await publicGet(
          platform,
          `/sta/v1.1/Things?$filter=${encodeURIComponent(`st_relate(location, ${literal}, 'T*F')`)}`,
        );
        expect(bad.status).toBe(400);
        expect((bad.body.error as { message: string }).message).toMatch(/pattern/);
      });

      it(`${REQ}/built-in-query-functions: geo.length of a line in metres, and of a point 0`, async () => {
        // 0.01° of latitude along a meridian: 6371008.8 m × 0.01 × π / 180 ≈ 1112 m.
        const line = "geography'LINESTRING(108.2 16.05, 108.2 16.06)'";
        const all = (await listAll(platform, '/sta/v1.1/Things')).map((t) => t['@iot.id']).sort();
        expect(all).toHaveLength(5);
        expect(
          await ids('Things', `geo.length(${line}) gt 1111 and geo.length(${line}) lt 1113`),
        ).toEqual(all);
        expect(await ids('Things', `geo.length(${line}) lt 1111`)).toEqual([]);
        expect(await ids('Locations', 'geo.length(location) eq 0')).toEqual(all);
      });

      it(`${REQ}/built-in-query-functions: geo.intersects with the largest ward's boundary as the file has it (a URL past Node's default 16 KiB)`, async () => {
        const filter = `geo.intersects(location, geography'${wkt(largest)}')`;
        const url = `/sta/v1.1/Things?$filter=${encodeURIComponent(filter)}`;
        expect(url.length).toBeGreaterThan(16 * 1024);
        const { rows } = await platform.ctx.pool.query<{ id: string }>(
          'SELECT id FROM open_public_device WHERE unit_code = $1 ORDER BY id',
          [largest.code],
        );
        expect(rows.map((r) => r.id)).toEqual(['big-aq-1']);
        expect(await ids('Things', filter)).toEqual(['big-aq-1']);
      });

      it(`${REQ}/built-in-query-functions: geo.distance in metres`, async () => {
        const all = await listAll(platform, '/sta/v1.1/Locations');
        const hc1 = all.find((l) => l['@iot.id'] === 'hc-aq-1');
        const [lon, lat] = (hc1?.location as { coordinates: [number, number] }).coordinates;
        const near = await ids(
          'Locations',
          `geo.distance(location, geography'POINT(${String(lon)} ${String(lat)})') lt 1`,
        );
        expect(near).toEqual(['hc-aq-1']);
      });

      it(`${REQ}/filter: a malformed geography literal is 400`, async () => {
        const r = await publicGet(
          platform,
          `/sta/v1.1/Things?$filter=${encodeURIComponent("st_within(location, geography'POLYGON((1 2')")}`,
        );
        expect(r.status).toBe(400);
      });
    },
  );
}
