/**
 * OGC SensorThings API 1.1, Filtering Extension requirement class (req/request-data/…): $expand,
 * $select, $orderby, $top, $skip, $count, $filter with the built-in operators and functions, on
 * embedded PGlite and on real PostgreSQL. Some queries are built by odata-query, a generic
 * OData client, so the server is not only tested with its own idea of the syntax.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import buildQuery from 'odata-query';
import { backendFactories, type Backend } from '../support/backends';
import { postgresAvailable } from '../support/databases';
import { listAll, publicGet, seedStaFixture, type StaFixture } from '../support/open-data';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasPostgres = await postgresAvailable();
const REQ = 'http://www.opengis.net/spec/iot_sensing/1.1/req/request-data';
type Entity = Record<string, unknown>;

for (const factory of backendFactories().filter((f) => f.mode !== 'timescaledb')) {
  describe.skipIf(factory.mode === 'postgres' && !hasPostgres)(
    `SensorThings Filtering — ${factory.mode}`,
    () => {
      let platform: TestPlatform;
      let backend: Backend | undefined;
      let fx: StaFixture;
      const get = (path: string) => publicGet(platform, path);
      /** The ids a filter on a set selects (all pages). */
      const ids = async (set: string, filter: string) =>
        (await listAll(platform, `/sta/v1.1/${set}?$filter=${encodeURIComponent(filter)}`))
          .map((e) => e['@iot.id'])
          .sort();
      /** pm25 of aq-pub-1: 20, 25, 30, 35, 40, 45 (oldest first). */
      const pm25 = "/sta/v1.1/Datastreams('aq-pub-1:pm25')/Observations";

      beforeAll(async () => {
        backend = factory.mode === 'postgres' ? await factory.create() : undefined;
        platform = await startTestPlatform({
          SEED_DEMO: 'false',
          ...(backend ? { DATABASE_URL: backend.url } : {}),
        });
        fx = await seedStaFixture(platform.ctx.pool);
      }, 120_000);

      afterAll(async () => {
        await platform.dispose();
        await backend?.dispose();
      });

      it(`${REQ}/expand: $expand=Datastreams($expand=Observations($top=3)) gives each Datastream its 3 newest Observations`, async () => {
        const { status, body } = await get(
          `/sta/v1.1/Things?$expand=${encodeURIComponent('Datastreams($expand=Observations($top=3))')}`,
        );
        expect(status).toBe(200);
        const things = body.value ?? [];
        expect(things.map((t) => t['@iot.id']).sort()).toEqual(fx.publicDevices);
        for (const t of things) {
          const ds = t.Datastreams as Entity[];
          expect(Array.isArray(ds)).toBe(true);
          for (const d of ds) {
            const obs = d.Observations as Entity[];
            const all = await listAll(platform, `${String(d['@iot.selfLink'])}/Observations`);
            expect(obs).toEqual(all.slice(0, 3));
            expect(obs.length).toBe(Math.min(3, all.length));
            expect(obs[0]?.phenomenonTime).toBe(fx.end.toISOString());
          }
        }
        const aq = things.find((t) => t['@iot.id'] === 'aq-pub-1');
        expect((aq?.Datastreams as Entity[]).map((d) => d['@iot.id']).sort()).toEqual([
          'aq-pub-1:pm10',
          'aq-pub-1:pm25',
        ]);
      });

      it(`${REQ}/expand: path form and to-one navigation (Observations?$expand=Datastream/Thing)`, async () => {
        const { body } = await get(`${pm25}?$top=1&$expand=Datastream/Thing,FeatureOfInterest`);
        const o = body.value?.[0];
        const ds = o?.Datastream as Entity;
        expect(ds['@iot.id']).toBe('aq-pub-1:pm25');
        expect((ds.Thing as Entity)['@iot.id']).toBe('aq-pub-1');
        expect((o?.FeatureOfInterest as Entity).feature).toEqual({
          type: 'Point',
          coordinates: [108.21, 16.051],
        });
      });

      it(`${REQ}/select: only the selected properties are written`, async () => {
        const { body } = await get(`/sta/v1.1/Things('aq-pub-1')?$select=name,Datastreams`);
        expect(body).toEqual({
          name: 'Trạm Hải Châu',
          'Datastreams@iot.navigationLink': expect.stringMatching(
            /Things\('aq-pub-1'\)\/Datastreams$/,
          ) as unknown,
        });
        expect((await get('/sta/v1.1/Things?$select=colour')).status).toBe(400);
      });

      it(`${REQ}/orderby: $orderby by one and by several properties, asc and desc (built by odata-query)`, async () => {
        const q = buildQuery({ orderBy: ['result desc'] });
        const desc = (await listAll(platform, `${pm25}${q}`)).map((o) => o.result);
        expect(desc).toEqual([45, 40, 35, 30, 25, 20]);
        const asc = (await listAll(platform, `${pm25}?$orderby=result asc`)).map((o) => o.result);
        expect(asc).toEqual([20, 25, 30, 35, 40, 45]);
        const things = await listAll(platform, '/sta/v1.1/Things?$orderby=description,name desc');
        const keys = things.map((t): [string, string] => [String(t.description), String(t.name)]);
        const sorted = [...keys].sort((a, b) =>
          a[0] === b[0] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? -1 : 1,
        );
        expect(keys).toEqual(sorted);
      });

      it(`${REQ}/top and ${REQ}/skip: pages follow @iot.nextLink until the collection ends`, async () => {
        const first = await get(`${pm25}?$top=4&$orderby=result`);
        expect(first.body.value?.map((o) => o.result)).toEqual([20, 25, 30, 35]);
        const next = String(first.body['@iot.nextLink']);
        expect(next).toMatch(/\$skip=4/);
        const second = await publicGet(platform, next);
        expect(second.body.value?.map((o) => o.result)).toEqual([40, 45]);
        expect(second.body['@iot.nextLink']).toBeUndefined();
        const skipped = await get(`${pm25}${buildQuery({ skip: 5, orderBy: ['result'] })}`);
        expect(skipped.body.value?.map((o) => o.result)).toEqual([45]);
      });

      it(`${REQ}/count: $count=true gives the total of the filtered collection, not of the page`, async () => {
        const { body } = await get(`${pm25}?$count=true&$top=2&$filter=result ge 30`);
        expect(body['@iot.count']).toBe(4);
        expect(body.value).toHaveLength(2);
        const expanded = await get(
          `/sta/v1.1/Datastreams('aq-pub-1:pm25')?$expand=${encodeURIComponent('Observations($count=true;$top=1)')}`,
        );
        expect(expanded.body['Observations@iot.count']).toBe(6);
      });

      it(`${REQ}/filter: comparison and logical operators (eq ne gt ge lt le and or not), built by odata-query`, async () => {
        const q = buildQuery({ filter: { and: [{ result: { gt: 25 } }, { result: { le: 40 } }] } });
        const r = (await listAll(platform, `${pm25}${q}&$orderby=result`)).map((o) => o.result);
        expect(r).toEqual([30, 35, 40]);
        const or = await listAll(
          platform,
          `${pm25}?$filter=${encodeURIComponent('result eq 20 or result eq 45')}&$orderby=result`,
        );
        expect(or.map((o) => o.result)).toEqual([20, 45]);
        const not = await listAll(
          platform,
          `${pm25}?$filter=${encodeURIComponent('not (result lt 40) and result ne 45')}`,
        );
        expect(not.map((o) => o.result)).toEqual([40]);
      });

      it(`${REQ}/built-in-filter-operations: arithmetic add sub mul div mod`, async () => {
        const f = async (expr: string) =>
          (
            await listAll(platform, `${pm25}?$orderby=result&$filter=${encodeURIComponent(expr)}`)
          ).map((o) => o.result);
        expect(await f('result add 5 eq 30')).toEqual([25]);
        expect(await f('result sub 5 eq 30')).toEqual([35]);
        expect(await f('result mul 2 gt 80')).toEqual([45]);
        expect(await f('result div 5 eq 8')).toEqual([40]);
        expect(await f('result mod 10 eq 0')).toEqual([20, 30, 40]);
      });

      it(`${REQ}/built-in-query-functions: string functions`, async () => {
        expect(await ids('Things', "substringof('Châu', name)")).toEqual(['aq-pub-1']);
        expect(await ids('Things', "startswith(name, 'Trạm')")).toEqual(['aq-pub-1', 'aq-pub-2']);
        expect(await ids('Things', "endswith(name, 'Rồng')")).toEqual(['wl-pub']);
        // Characters, not bytes: 'Cầu Rồng' is 8 characters (12 bytes in UTF-8).
        expect(await ids('Things', 'length(name) eq 8')).toEqual(['wl-pub']);
        expect(await ids('Things', "indexof(name, 'Rồng') eq 4")).toEqual(['wl-pub']);
        expect(await ids('Things', "substring(name, 4) eq 'Rồng'")).toEqual(['wl-pub']);
        expect(await ids('Things', "substring(name, 0, 3) eq 'Cầu'")).toEqual(['wl-pub']);
        expect(await ids('Things', "tolower(name) eq 'cầu rồng'")).toEqual(['wl-pub']);
        expect(await ids('Things', "toupper(name) eq 'CẦU RỒNG'")).toEqual(['wl-pub']);
        expect(await ids('Things', "trim(concat(' ', name)) eq 'Cầu Rồng'")).toEqual(['wl-pub']);
        expect(await ids('Things', "concat(name, '!') eq 'Cầu Rồng!'")).toEqual(['wl-pub']);
      });

      it(`${REQ}/built-in-query-functions: date and math functions`, async () => {
        const end = fx.end;
        const hourStart = new Date(Math.floor(end.getTime() / 3_600_000) * 3_600_000);
        const all = await listAll(platform, pm25);
        const sameHour = all.filter((o) => new Date(String(o.phenomenonTime)) >= hourStart).length;
        const f = async (expr: string) =>
          (await listAll(platform, `${pm25}?$filter=${encodeURIComponent(expr)}`)).length;
        expect(await f(`year(phenomenonTime) eq ${String(end.getUTCFullYear())}`)).toBe(
          all.filter(
            (o) => new Date(String(o.phenomenonTime)).getUTCFullYear() === end.getUTCFullYear(),
          ).length,
        );
        expect(
          await f(
            `date(phenomenonTime) eq ${end.toISOString().slice(0, 10)} and hour(phenomenonTime) eq ${String(end.getUTCHours())}`,
          ),
        ).toBe(sameHour);
        expect(
          await f(`phenomenonTime ge ${new Date(end.getTime() - 2 * 3_600_000).toISOString()}`),
        ).toBe(3);
        expect(
          await f(
            `month(resultTime) eq ${String(end.getUTCMonth() + 1)} or month(resultTime) ne ${String(end.getUTCMonth() + 1)}`,
          ),
        ).toBe(6);
        expect(await f('round(result div 10) eq 4')).toBe(2); // 35 → 3.5 → 4, 40 → 4 (45 → 4.5 → 5)
        expect(await f('floor(result div 10) eq 4')).toBe(2); // 40, 45
        expect(await f('ceiling(result div 10) eq 4')).toBe(2); // 35, 40
      });

      it(`${REQ}/built-in-query-functions: mindatetime, maxdatetime and totaloffsetminutes`, async () => {
        const f = async (expr: string) =>
          (await listAll(platform, `${pm25}?$filter=${encodeURIComponent(expr)}`)).length;
        expect(await f('phenomenonTime gt mindatetime() and resultTime lt maxdatetime()')).toBe(6);
        expect(await f('phenomenonTime lt mindatetime() or phenomenonTime gt maxdatetime()')).toBe(
          0,
        );
        // Every time is written in UTC ('…Z'), so its offset is 0 minutes.
        const all = await listAll(platform, pm25);
        expect(all.every((o) => String(o.phenomenonTime).endsWith('Z'))).toBe(true);
        expect(await f('totaloffsetminutes(phenomenonTime) eq 0')).toBe(6);
        expect(await f('totaloffsetminutes(resultTime) ne 0')).toBe(0);
        const wrong = await get(
          `${pm25}?$filter=${encodeURIComponent('totaloffsetminutes(result) eq 0')}`,
        );
        expect(wrong.status).toBe(400);
      });

      it(`${REQ}/filter: navigation paths over to-one relations and JSON properties`, async () => {
        const viaThing = await listAll(
          platform,
          `/sta/v1.1/Observations?$filter=${encodeURIComponent("Datastream/Thing/id eq 'aq-pub-2'")}`,
        );
        expect(viaThing).toHaveLength(5);
        expect(await ids('Things', "properties/kind eq 'water_level'")).toEqual(['wl-pub']);
        expect(await ids('Things', 'properties/mobile eq true')).toEqual(['vessel-1']);
        expect(await ids('Datastreams', "ObservedProperty/id eq 'pm25'")).toEqual([
          'aq-pub-1:pm25',
          'aq-pub-2:pm25',
        ]);
        expect(
          await ids(
            'Datastreams',
            "unitOfMeasurement/symbol eq 'µg/m³' and Thing/properties/unitCode eq '90002'",
          ),
        ).toEqual(['aq-pub-2:pm25']);
      });

      it(`${REQ}/filter: a bad filter is 400 naming the bad part; a value is never spliced into SQL`, async () => {
        const r = await get(`/sta/v1.1/Things?$filter=${encodeURIComponent('name eq 5')}`);
        expect(r.status).toBe(400);
        expect((r.body.error as { message: string }).message).toMatch(/name eq 5/);
        const unknownOption = await get('/sta/v1.1/Things?$foo=1');
        expect(unknownOption.status).toBe(400);
        expect(await ids('Things', "name eq 'x'' OR 1=1 --'")).toEqual([]);
      });
    },
  );
}
