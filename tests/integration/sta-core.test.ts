/**
 * OGC SensorThings API 1.1 (OGC 18-088), Sensing Core requirement classes, at /sta/v1.1 without
 * an account, on embedded PGlite and on real PostgreSQL. Each test names the requirement it
 * checks; some queries are built by a generic OData client (odata-query), not by us.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import buildQuery from 'odata-query';
import { backendFactories, type Backend } from '../support/backends';
import { postgresAvailable } from '../support/databases';
import { listAll, publicGet, seedStaFixture, type StaFixture } from '../support/open-data';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasPostgres = await postgresAvailable();
const REQ = 'http://www.opengis.net/spec/iot_sensing/1.1/req';
const SETS = [
  'Things',
  'Locations',
  'HistoricalLocations',
  'Datastreams',
  'Sensors',
  'ObservedProperties',
  'Observations',
  'FeaturesOfInterest',
];
const NAV: Record<string, string[]> = {
  Things: ['Locations', 'HistoricalLocations', 'Datastreams'],
  Locations: ['Things', 'HistoricalLocations'],
  HistoricalLocations: ['Thing', 'Locations'],
  Datastreams: ['Thing', 'Sensor', 'ObservedProperty', 'Observations'],
  Sensors: ['Datastreams'],
  ObservedProperties: ['Datastreams'],
  Observations: ['Datastream', 'FeatureOfInterest'],
  FeaturesOfInterest: ['Observations'],
};

for (const factory of backendFactories().filter((f) => f.mode !== 'timescaledb')) {
  describe.skipIf(factory.mode === 'postgres' && !hasPostgres)(
    `SensorThings Sensing Core — ${factory.mode}`,
    () => {
      let platform: TestPlatform;
      let backend: Backend | undefined;
      let fx: StaFixture;
      let root = '';
      const get = (path: string) => publicGet(platform, path);

      beforeAll(async () => {
        backend = factory.mode === 'postgres' ? await factory.create() : undefined;
        platform = await startTestPlatform({
          SEED_DEMO: 'false',
          ...(backend ? { DATABASE_URL: backend.url } : {}),
        });
        fx = await seedStaFixture(platform.ctx.pool);
        root = `${platform.httpUrl}/sta/v1.1`;
      }, 120_000);

      afterAll(async () => {
        await platform.dispose();
        await backend?.dispose();
      });

      it(`${REQ}/resource-path/resource-path-to-entities: the service root lists every entity set and the conformance classes`, async () => {
        const { status, body } = await get('/sta/v1.1');
        expect(status).toBe(200);
        const value = body.value as { name: string; url: string }[];
        expect(value.map((v) => v.name).sort()).toEqual([...SETS].sort());
        for (const v of value) expect(v.url).toBe(`${root}/${v.name}`);
        const settings = body.serverSettings as { conformance: string[] };
        expect(settings.conformance).toContain(`${REQ}/request-data`);
      });

      it(`${REQ}/resource-path/resource-path-to-entities: each entity set answers a collection, and each entity its own path`, async () => {
        for (const set of SETS) {
          const { status, body } = await get(`/sta/v1.1/${set}`);
          expect(status, set).toBe(200);
          expect(Array.isArray(body.value), set).toBe(true);
          const first = body.value?.[0];
          expect(first, `${set} is not empty in the fixture`).toBeDefined();
          const self = String(first?.['@iot.selfLink']);
          const one = await publicGet(platform, self);
          expect(one.status, self).toBe(200);
          expect(one.body['@iot.id']).toEqual(first?.['@iot.id']);
        }
      });

      it(`${REQ}/datamodel/entity-control-information/common-control-information: every entity has @iot.id, @iot.selfLink and navigation links`, async () => {
        for (const set of SETS) {
          const items = await listAll(platform, `/sta/v1.1/${set}`);
          for (const e of items) {
            expect(typeof e['@iot.id'], set).toBe('string');
            expect(e['@iot.selfLink']).toMatch(
              new RegExp(`^${root.replace(/[.]/g, '\\.')}/${set}\\('`),
            );
            for (const nav of NAV[set] ?? [])
              expect(e[`${nav}@iot.navigationLink`], `${set}.${nav}`).toBe(
                `${String(e['@iot.selfLink'])}/${nav}`,
              );
          }
        }
      });

      it(`${REQ}/resource-path/resource-path-to-entities: navigation from one entity to related ones (Things(id)/Datastreams, Datastreams(id)/Observations, Observations(id)/Datastream)`, async () => {
        const ds = await listAll(platform, `/sta/v1.1/Things('aq-pub-1')/Datastreams`);
        expect(ds.map((d) => d['@iot.id']).sort()).toEqual(['aq-pub-1:pm10', 'aq-pub-1:pm25']);
        const obs = await listAll(platform, `/sta/v1.1/Datastreams('aq-pub-1:pm25')/Observations`);
        expect(obs).toHaveLength(6);
        const id = String(obs[0]?.['@iot.id']);
        const back = await get(`/sta/v1.1/Observations('${id}')/Datastream`);
        expect(back.status).toBe(200);
        expect(back.body['@iot.id']).toBe('aq-pub-1:pm25');
        // The unit's own name, not the quantity's (OGC 18-088 §8.2.4).
        expect(back.body.unitOfMeasurement).toMatchObject({
          name: 'microgram per cubic metre',
          symbol: 'µg/m³',
        });
        const thing = await get(`/sta/v1.1/Datastreams('aq-pub-1:pm25')/Thing`);
        expect(thing.body['@iot.id']).toBe('aq-pub-1');
        expect(thing.body.name).toBe('Trạm Hải Châu');
      });

      it(`${REQ}/datamodel/thing, location, historical-location, datastream, sensor, observed-property, observation, feature-of-interest: every entity carries its mandatory properties`, async () => {
        const str = (v: unknown) => typeof v === 'string' && v.length > 0;
        const uri = (v: unknown) => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);
        const time = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
        const point = (v: unknown) =>
          (v as { type?: unknown }).type === 'Point' &&
          (v as { coordinates?: unknown[] }).coordinates?.every((c) => typeof c === 'number') ===
            true;
        /** OGC 18-088 §8.2: each entity type's mandatory properties and what they hold. */
        const MANDATORY: Record<string, Record<string, (v: unknown) => boolean>> = {
          Things: { name: str, description: str },
          Locations: {
            name: str,
            description: str,
            encodingType: (v) => v === 'application/geo+json',
            location: point,
          },
          HistoricalLocations: { time },
          Datastreams: {
            name: str,
            description: str,
            unitOfMeasurement: (v) => {
              const u = v as { name?: unknown; symbol?: unknown; definition?: unknown };
              return str(u.name) && str(u.symbol) && uri(u.definition);
            },
            observationType: uri,
          },
          Sensors: { name: str, description: str, encodingType: str, metadata: str },
          ObservedProperties: { name: str, definition: uri, description: str },
          Observations: {
            phenomenonTime: time,
            result: (v) => v !== undefined,
            resultTime: (v) => v === null || time(v),
          },
          FeaturesOfInterest: {
            name: str,
            description: str,
            encodingType: (v) => v === 'application/geo+json',
            feature: point,
          },
        };
        for (const [set, props] of Object.entries(MANDATORY)) {
          const items = await listAll(platform, `/sta/v1.1/${set}`);
          expect(items.length, set).toBeGreaterThan(0);
          for (const e of items)
            for (const [prop, ok] of Object.entries(props))
              expect(
                ok(e[prop]),
                `${set}(${String(e['@iot.id'])}).${prop} = ${JSON.stringify(e[prop])}`,
              ).toBe(true);
        }
      });

      it(`${REQ}/datamodel/observation: Observation ids round-trip and carry phenomenonTime, resultTime and result`, async () => {
        const obs = await listAll(platform, `/sta/v1.1/Datastreams('aq-pub-2:pm25')/Observations`);
        expect(obs).toHaveLength(5);
        for (const o of obs) {
          const one = await publicGet(platform, String(o['@iot.selfLink']));
          expect(one.status).toBe(200);
          expect(one.body.result).toBe(o.result);
          expect(one.body.phenomenonTime).toBe(o.phenomenonTime);
          expect(one.body.resultTime).toBe(o.phenomenonTime);
        }
        // Newest first by default; the newest is the fixture's end time.
        expect(obs[0]?.phenomenonTime).toBe(fx.end.toISOString());
      });

      it(`${REQ}/resource-path/resource-path-to-entities: property, $value and $ref paths`, async () => {
        const name = await get(`/sta/v1.1/Things('wl-pub')/name`);
        expect(name.body).toEqual({ name: 'Cầu Rồng' });
        const raw = await fetch(`${root}/Things('wl-pub')/name/$value`);
        expect(raw.status).toBe(200);
        expect(await raw.text()).toBe('Cầu Rồng');
        const refs = await get(`/sta/v1.1/Things('aq-pub-1')/Datastreams/$ref`);
        expect((refs.body.value ?? []).map((r) => r['@iot.selfLink']).sort()).toEqual([
          `${root}/Datastreams('aq-pub-1:pm10')`,
          `${root}/Datastreams('aq-pub-1:pm25')`,
        ]);
      });

      it(`${REQ}/datamodel/location: Locations are GeoJSON points rounded to the published decimals; a moving vessel has HistoricalLocations`, async () => {
        const loc = await get(`/sta/v1.1/Things('aq-pub-1')/Locations`);
        const l = loc.body.value?.[0];
        expect(l?.encodingType).toBe('application/geo+json');
        // 3 decimals by default (migration 0060): 108.21014, 16.05123 → 108.21, 16.051.
        expect(l?.location).toEqual({ type: 'Point', coordinates: [108.21, 16.051] });
        const hl = await listAll(platform, `/sta/v1.1/Things('vessel-1')/HistoricalLocations`);
        expect(hl).toHaveLength(3);
        expect(hl.map((h) => h.time)).toEqual([...hl.map((h) => String(h.time))].sort().reverse());
        const fixed = await listAll(platform, `/sta/v1.1/Things('wl-pub')/HistoricalLocations`);
        expect(fixed).toHaveLength(1);
      });

      it(`${REQ}/request-data/select: a query built by a generic OData client (odata-query) is understood`, async () => {
        const q = buildQuery({ select: ['name', 'id'], filter: { name: 'Cầu Rồng' } });
        const { status, body } = await get(`/sta/v1.1/Things${q}`);
        expect(status).toBe(200);
        expect(body.value).toEqual([{ '@iot.id': 'wl-pub', name: 'Cầu Rồng' }]);
      });

      it(`${REQ}/resource-path/resource-path-to-entities: an unknown set or entity is 404, a malformed query 400 in the API's error shape`, async () => {
        expect((await get('/sta/v1.1/Dragons')).status).toBe(404);
        expect((await get(`/sta/v1.1/Things('nope')`)).status).toBe(404);
        expect((await get(`/sta/v1.1/Things('aq-hidden')`)).status).toBe(404);
        const badFilter = await get(`/sta/v1.1/Things?$filter=${encodeURIComponent('name eq')}`);
        expect(badFilter.status).toBe(400);
        expect((badFilter.body.error as { code: string }).code).toBe('STA_QUERY_INVALID');
        const badProp = await get(
          `/sta/v1.1/Things?$filter=${encodeURIComponent("colour eq 'red'")}`,
        );
        expect(badProp.status).toBe(400);
        expect((badProp.body.error as { message: string }).message).toMatch(/colour/);
      });

      it('publication: answers need no session, may be cached publicly for a short while and read from any origin', async () => {
        for (const path of ['/sta/v1.1', '/sta/v1.1/Things', `/sta/v1.1/Things('wl-pub')`]) {
          const res = await fetch(`${platform.httpUrl}${path}`);
          expect(res.status, path).toBe(200);
          expect(res.headers.get('cache-control'), path).toBe('public, max-age=10');
          expect(res.headers.get('set-cookie'), path).toBeNull();
        }
        // A browser app on any origin may read them (no credentials are involved) …
        const origin = 'https://research.example.org';
        const cors = await fetch(`${root}/Things`, { headers: { origin } });
        expect(cors.headers.get('access-control-allow-origin')).toBe('*');
        expect(cors.headers.get('access-control-expose-headers')).toMatch(/retry-after/);
        const preflight = await fetch(`${root}/Things`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'GET',
            'access-control-request-headers': 'if-none-match',
          },
        });
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
        expect(preflight.headers.get('access-control-allow-headers')).toContain('if-none-match');
        // … which the rest of the API still refuses to an origin it does not know.
        const closed = await fetch(`${platform.httpUrl}/api/v1/units`, { headers: { origin } });
        expect(closed.headers.get('access-control-allow-origin')).toBeNull();
        const closedPreflight = await fetch(`${platform.httpUrl}/api/v1/units`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'GET' },
        });
        expect(closedPreflight.status).toBe(403);
        // What is not there is not cached as if it were.
        const missing = await fetch(`${root}/Things('aq-hidden')`);
        expect(missing.status).toBe(404);
        expect(missing.headers.get('cache-control') ?? '').not.toContain('public');
      });

      it('publication: a non-public device or metric is absent from every collection (all pages, compared with open_publication)', async () => {
        const { rows } = await platform.ctx.pool.query<{ id: string }>(
          'SELECT id FROM open_public_device ORDER BY id',
        );
        const published = rows.map((r) => r.id);
        expect(published).toEqual(fx.publicDevices);
        const things = await listAll(platform, '/sta/v1.1/Things?$top=1');
        expect(things.map((t) => t['@iot.id']).sort()).toEqual(published);
        const ds = await listAll(platform, '/sta/v1.1/Datastreams?$top=2');
        for (const d of ds) {
          const [device, metric] = String(d['@iot.id']).split(':');
          expect(published).toContain(device);
          expect(fx.publicMetrics).toContain(metric);
        }
        const props = await listAll(platform, '/sta/v1.1/ObservedProperties?$top=1');
        expect(props.map((p) => p['@iot.id']).sort()).toEqual(fx.publicMetrics);
        const obs = await listAll(platform, '/sta/v1.1/Observations?$top=7');
        expect(obs).toHaveLength(6 + 4 + 5 + 4 + 3);
        for (const o of obs) {
          const [device, metric] = String(o['@iot.id']).split(':');
          expect(published).toContain(device);
          expect(fx.publicMetrics).toContain(metric);
        }
        for (const set of ['Locations', 'FeaturesOfInterest', 'HistoricalLocations']) {
          const all = await listAll(platform, `/sta/v1.1/${set}?$top=2`);
          for (const e of all) expect(published).toContain(String(e['@iot.id']).split(':')[0]);
        }
        const sensors = await listAll(platform, '/sta/v1.1/Sensors');
        expect(sensors.map((s) => s['@iot.id']).sort()).toEqual([
          'air_quality',
          'vessel',
          'water_level',
        ]);
      });
    },
  );
}
