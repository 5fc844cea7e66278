/**
 * Open data, the dataset catalogue (issue 17 item 3; embedded, Đà Nẵng's wards, demo indicators):
 * the public listing holds exactly what the administrator published; the DCAT JSON-LD catalogue
 * describes the same datasets; CSV downloads start with a BOM, parse with csv-parse and equal the
 * JSON numbers; an indicator serves its current values only; a metric's hourly statistics leave
 * out a device that is not public; boundaries are valid GeoJSON; what is not public is 404;
 * answers are cacheable for a minute with an ETag.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  datasetDataResponse,
  datasetListResponse,
  publicationStateSchema,
  type DatasetListResponse,
} from '@ioc/contracts';
import { allWardPoints, DA_NANG_WARDS } from '../support/citizen';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const OPEN = '/api/v1/public/open-data';
const EU_FREQUENCY = 'http://publications.europa.eu/resource/authority/frequency/';
const HIDDEN_VALUE = 777;

describe('open data: dataset catalogue (embedded)', () => {
  let platform: TestPlatform;
  let indicator: string;
  let hiddenIndicator: string;
  const ward = allWardPoints()[0];
  const publicReadings = [12.5, 20, 31.25];

  /** Anonymous, as a researcher calls it. */
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${platform.httpUrl}${path}`, { headers });
  const getJson = async <T>(path: string): Promise<T> => {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    if (!ward) throw new Error('no ward point');
    platform = await startTestPlatform({ IOC_BOUNDARIES: DA_NANG_WARDS });
    const pool = platform.ctx.pool;
    const withReports = await pool.query<{ indicator: string }>(
      `SELECT indicator FROM indicator_report WHERE superseded_at IS NULL
       GROUP BY indicator ORDER BY count(*) DESC, indicator LIMIT 2`,
    );
    [indicator, hiddenIndicator] = withReports.rows.map((r) => r.indicator) as [string, string];
    // A superseded row: history that the dataset must not serve.
    await pool.query(
      `INSERT INTO indicator_report (indicator, unit_code, period, period_start, period_end, value,
         feed, submission_id, row_no, submitted_at, superseded_at)
       SELECT indicator, unit_code, period, period_start, period_end, 123456.5, feed,
              submission_id, row_no, submitted_at - interval '1 day', now()
       FROM indicator_report WHERE indicator = $1 AND superseded_at IS NULL LIMIT 1`,
      [indicator],
    );
    const placed = { kind: 'weather', unitCode: ward.code, lon: ward.lon, lat: ward.lat };
    const publicToken = await platform.addDevice({ id: 'od-aq-public', ...placed });
    const hiddenToken = await platform.addDevice({ id: 'od-aq-hidden', ...placed });
    const post = async (token: string, values: number[]) => {
      const base = Date.now() - 60_000;
      const res = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(values.map((v, i) => ({ ts: base + i * 1000, values: { pm25: v } }))),
      });
      expect(res.status).toBe(202);
    };
    await post(publicToken, publicReadings);
    await post(hiddenToken, [HIDDEN_VALUE, HIDDEN_VALUE, HIDDEN_VALUE]);
    const published = await platform.api('/api/v1/open-data/publication', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        entries: [
          { subject: 'device_kind', key: 'weather', public: true },
          { subject: 'device', key: 'od-aq-hidden', public: false },
          { subject: 'metric', key: 'pm25', public: true },
          { subject: 'metric', key: 'pm10', public: false },
          { subject: 'indicator', key: indicator, public: true },
        ],
      }),
    });
    expect(published.status).toBe(200);
  }, 240_000);
  afterAll(async () => {
    await platform.dispose();
  });

  it('lists exactly what the administrator published, plus the boundaries', async () => {
    const state = publicationStateSchema.parse(
      await (await platform.api('/api/v1/open-data/publication')).json(),
    );
    const list = datasetListResponse.parse(await getJson(`${OPEN}/datasets`));
    const ids = (kind: string) => list.datasets.filter((d) => d.kind === kind).map((d) => d.id);
    expect(ids('indicator')).toEqual(
      state.indicators.filter((i) => i.public).map((i) => `indicator.${i.code}`),
    );
    expect(ids('metric')).toEqual(
      state.metrics.filter((m) => m.public).map((m) => `metric.${m.code}`),
    );
    expect(ids('indicator')).not.toContain(`indicator.${hiddenIndicator}`);
    expect(ids('metric')).not.toContain('metric.pm10');
    expect(ids('boundaries')).toEqual(['boundaries.48']);
    for (const d of list.datasets) {
      expect(d.licence).toEqual({
        id: state.settings.licenceId,
        url: state.settings.licenceUrl,
      });
      for (const dist of d.distributions) {
        expect(dist.url.startsWith(`${platform.httpUrl}${OPEN}/datasets/${d.id}/data.`)).toBe(true);
      }
    }
    expect(list.sensorThings).toBe(`${platform.httpUrl}/sta/v1.1`);
  });

  it('answers cacheably (public for a minute, ETag, 304 when the client has it) to any origin', async () => {
    const first = await get(`${OPEN}/datasets`);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    const again = await get(`${OPEN}/datasets`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // A web page on another origin may read it, ETag included (its If-None-Match is preflighted).
    const origin = 'https://startup.example.com';
    const cross = await get(`${OPEN}/datasets`, { origin });
    expect(cross.headers.get('access-control-allow-origin')).toBe('*');
    expect(cross.headers.get('access-control-expose-headers')).toContain('etag');
    const preflight = await fetch(`${platform.httpUrl}${OPEN}/datasets`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('describes the same datasets as DCAT JSON-LD', async () => {
    const res = await get(`${OPEN}/catalog.jsonld`);
    expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const doc = (await res.json()) as Record<string, unknown> & {
      '@context': Record<string, string>;
      'dcat:dataset': Record<string, unknown>[];
    };
    expect(doc['@type']).toBe('dcat:Catalog');
    expect(doc['@context'].dcat).toBe('http://www.w3.org/ns/dcat#');
    expect(doc['@context'].dct).toBe('http://purl.org/dc/terms/');
    const list = datasetListResponse.parse(await getJson(`${OPEN}/datasets`));
    expect(doc['dcat:dataset'].map((d) => d['dct:identifier'])).toEqual(
      list.datasets.map((d) => d.id),
    );
    for (const d of doc['dcat:dataset']) {
      expect(d['@type']).toBe('dcat:Dataset');
      expect(d['dct:license']).toEqual({ '@id': list.datasets[0]?.licence.url });
      expect((d['dct:accrualPeriodicity'] as { '@id': string })['@id']).toMatch(
        new RegExp(`^${EU_FREQUENCY}(HOURLY|DAILY|MONTHLY|QUARTERLY|ANNUAL|IRREG)$`),
      );
      const dists = d['dcat:distribution'] as Record<string, unknown>[];
      expect(dists.length).toBeGreaterThan(0);
      for (const x of dists) expect(x['@type']).toBe('dcat:Distribution');
    }
    const metric = doc['dcat:dataset'].find((d) => d['dct:identifier'] === 'metric.pm25');
    expect(metric?.['dct:accrualPeriodicity']).toEqual({ '@id': `${EU_FREQUENCY}HOURLY` });
  });

  it('serves an indicator’s current values only, as CSV with BOM equal to the JSON', async () => {
    const json = datasetDataResponse.parse(
      await getJson(`${OPEN}/datasets/indicator.${indicator}/data.json`),
    );
    const current = await platform.ctx.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM indicator_report WHERE indicator = $1 AND superseded_at IS NULL',
      [indicator],
    );
    expect(json.rows).toHaveLength(current.rows[0]?.n ?? -1);
    expect(json.rows.some((r) => 'value' in r && r.value === 123456.5)).toBe(false);

    const res = await get(`${OPEN}/datasets/indicator.${indicator}/data.csv`);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toContain(`indicator.${indicator}.csv`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(bytes, { bom: true, columns: true });
    expect(rows.map((r) => [r.unitCode, r.period, Number(r.value)])).toEqual(
      json.rows.map((r) => [r.unitCode, 'period' in r ? r.period : '', 'value' in r ? r.value : 0]),
    );
  });

  it('computes a metric’s hourly statistics over public devices only; the CSV equals the JSON', async () => {
    const json = datasetDataResponse.parse(await getJson(`${OPEN}/datasets/metric.pm25/data.json`));
    const rows = json.rows.filter((r) => r.unitCode === ward?.code);
    const total = rows.reduce((n, r) => n + ('count' in r ? r.count : 0), 0);
    // Only the public device's readings: the demo devices' kinds and the hidden device are not.
    expect(total).toBe(publicReadings.length);
    expect(json.rows.every((r) => 'max' in r && r.max < HIDDEN_VALUE)).toBe(true);
    expect(json.rows.every((r) => 'devices' in r && r.devices === 1)).toBe(true);
    expect(Math.min(...json.rows.map((r) => ('min' in r ? r.min : Infinity)))).toBe(12.5);

    const csv = Buffer.from(
      await (await get(`${OPEN}/datasets/metric.pm25/data.csv`)).arrayBuffer(),
    );
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).not.toContain(String(HIDDEN_VALUE));
    const parsed = parse<Record<string, string>>(csv, { bom: true, columns: true });
    expect(
      parsed.map((r) => [
        r.hour,
        r.unitCode,
        Number(r.mean),
        Number(r.min),
        Number(r.max),
        Number(r.count),
      ]),
    ).toEqual(
      json.rows.map((r) =>
        'mean' in r ? [r.hour, r.unitCode, r.mean, r.min, r.max, r.count] : [],
      ),
    );
  });

  it('bounds a metric download to 366 days', async () => {
    const res = await get(
      `${OPEN}/datasets/metric.pm25/data.csv?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { issues: { path: string }[] } } };
    expect(body.error.details.issues.map((i) => i.path)).toEqual(['to']);
  });

  it('serves the boundaries as valid GeoJSON with coordinates rounded to 5 decimals', async () => {
    const res = await get(`${OPEN}/datasets/boundaries.48/data.geojson`);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const fc = (await res.json()) as {
      type: string;
      features: {
        type: string;
        properties: { code: string; parentCode: string };
        geometry: { type: string; coordinates: number[][][] | number[][][][] };
      }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    const units = await platform.ctx.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM admin_unit WHERE parent_code = '48' AND valid_to IS NULL AND geom IS NOT NULL",
    );
    expect(fc.features).toHaveLength(units.rows[0]?.n ?? -1);
    // Collected, then asserted once: one expect per coordinate would take longer than the query.
    const faults: string[] = [];
    for (const f of fc.features) {
      const where = f.properties.code;
      if (f.type !== 'Feature' || f.properties.parentCode !== '48')
        faults.push(`${where}: feature`);
      if (!['Polygon', 'MultiPolygon'].includes(f.geometry.type)) faults.push(`${where}: type`);
      const polygons = (
        f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
      ) as number[][][][];
      for (const ring of polygons.flat()) {
        if (ring.length < 4 || String(ring[0]) !== String(ring.at(-1)))
          faults.push(`${where}: ring not closed`);
        for (const [lon = NaN, lat = NaN] of ring) {
          if (!(lon > 102 && lon < 118 && lat > 8 && lat < 24))
            faults.push(`${where}: ${lon},${lat}`);
          if (Math.round(lon * 1e5) / 1e5 !== lon || Math.round(lat * 1e5) / 1e5 !== lat)
            faults.push(`${where}: not rounded ${lon},${lat}`);
        }
      }
    }
    expect(faults.slice(0, 10)).toEqual([]);
  });

  it('answers 404 for whatever is not public, in every format', async () => {
    for (const path of [
      `${OPEN}/datasets/indicator.${hiddenIndicator}/data.csv`,
      `${OPEN}/datasets/indicator.${hiddenIndicator}/data.json`,
      `${OPEN}/datasets/metric.pm10/data.csv`,
      `${OPEN}/datasets/metric.temperature/data.json`,
      `${OPEN}/datasets/boundaries.75/data.geojson`,
      `${OPEN}/datasets/metric.pm25/data.geojson`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'DATASET_NOT_FOUND',
      );
    }
    const listing = JSON.stringify(
      (await getJson<DatasetListResponse>(`${OPEN}/datasets`)).datasets,
    );
    expect(listing).not.toContain('od-aq-hidden');
  });
});
