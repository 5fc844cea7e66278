import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, datasetDataResponse, datasetListResponse } from '@ioc/contracts';
import type { DisposableDb } from '@ioc/db';
import { openDataTestDb, publish } from '../testing/fixtures';
import { DatasetCatalogueService } from './catalogue.service';

const BASE = 'https://ioc.example.vn';
const NOW = new Date('2026-03-10T12:00:00Z');

describe('DatasetCatalogueService', () => {
  let db: DisposableDb;
  let catalogue: DatasetCatalogueService;

  beforeAll(async () => {
    db = await openDataTestDb();
    await publish(db, [
      ['device_kind', 'air_quality', true],
      ['device', 'aq-2', false],
      ['metric', 'pm25', true],
      ['indicator', 'dvc.online', true],
    ]);
    await db.query(
      "INSERT INTO feed (code, name, key_hash, cadence) VALUES ('so-tt', 'Sở TT', 'h', 'quarterly')",
    );
    await db.query(
      `INSERT INTO indicator_submission (id, feed, submitted_at, submitted_by, row_count, accepted, rejected)
       VALUES (1, 'so-tt', '2026-01-05T00:00:00Z', 'so-tt', 3, 3, 0)`,
    );
    const report = (
      id: number,
      indicator: string,
      unit: string,
      value: number,
      superseded: boolean,
    ) =>
      db.query(
        `INSERT INTO indicator_report (id, indicator, unit_code, period, period_start, period_end, value,
           feed, submission_id, row_no, submitted_at, superseded_at)
         VALUES ($1::bigint, $2, $3, '2025-Q4', '2025-10-01', '2025-12-31', $4, 'so-tt', 1, $1::int,
                 '2026-01-05T00:00:00Z', CASE WHEN $5 THEN now() END)`,
        [id, indicator, unit, value, superseded],
      );
    await report(1, 'dvc.online', '20314', 40, true);
    await report(2, 'dvc.online', '20314', 42.5, false);
    await report(3, 'dvc.online', '20275', 61, false);
    await report(4, 'dvc.secret', '20275', 7, false);
    // Two hours in Hải Châu (aq-1 public; aq-old retired), one in An Hải from aq-2 (not public).
    const hour = (
      device: string,
      unit: string,
      bucket: string,
      n: number,
      sum: number,
      min: number,
      max: number,
    ) =>
      db.query(
        `INSERT INTO rollup_1h (bucket, device_id, metric, unit_code, n, sum, min, max)
         VALUES ($1, $2, 'pm25', $3, $4, $5, $6, $7)`,
        [bucket, device, unit, n, sum, min, max],
      );
    await hour('aq-1', '20314', '2026-03-10T08:00:00Z', 4, 100, 20, 30);
    await hour('aq-old', '20314', '2026-03-10T08:00:00Z', 4, 4000, 900, 1100);
    await hour('aq-1', '20314', '2026-03-10T09:00:00Z', 2, 61, 30, 31);
    await hour('aq-2', '20275', '2026-03-10T09:00:00Z', 6, 600, 90, 110);
    await hour('aq-1', '20314', '2025-12-01T09:00:00Z', 1, 5, 5, 5);
    await db.query(
      `INSERT INTO device_latest (device_id, metric, time, value, unit_code)
       VALUES ('aq-1', 'pm25', '2026-03-10T09:40:00Z', 30, '20314'),
              ('aq-2', 'pm25', '2026-03-10T11:00:00Z', 100, '20275')`,
    );
    catalogue = new DatasetCatalogueService(db, { provinceCode: '48', now: () => NOW });
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('lists only public indicators and metrics, plus the province boundaries', async () => {
    const list = datasetListResponse.parse(await catalogue.list(BASE));
    expect(list.datasets.map((d) => d.id)).toEqual([
      'indicator.dvc.online',
      'metric.pm25',
      'boundaries.48',
    ]);
    expect(list.publisher.nameVi).toBe('Ủy ban nhân dân Thành phố Đà Nẵng');
    expect(list.sensorThings).toBe(`${BASE}/sta/v1.1`);
    const [indicator, metric] = list.datasets;
    expect(indicator).toMatchObject({
      updateFrequency: 'quarterly',
      modified: '2026-01-05T00:00:00.000Z',
      licence: { id: 'CC-BY-4.0' },
    });
    expect(indicator?.distributions.map((d) => d.url)).toEqual([
      `${BASE}/api/v1/public/open-data/datasets/indicator.dvc.online/data.csv`,
      `${BASE}/api/v1/public/open-data/datasets/indicator.dvc.online/data.json`,
    ]);
    // Modified from public devices only (aq-2's newer reading is not public).
    expect(metric).toMatchObject({
      updateFrequency: 'hourly',
      modified: '2026-03-10T09:40:00.000Z',
    });
  });

  it('serves the current indicator values only, the CSV equal to the JSON', async () => {
    const json = datasetDataResponse.parse(
      JSON.parse(
        (await catalogue.download('indicator.dvc.online', 'json', {})).body.toString('utf8'),
      ),
    );
    expect(json.rows.map((r) => ['value' in r ? r.value : null, r.unitCode])).toEqual([
      [61, '20275'],
      [42.5, '20314'],
    ]);
    const csv = await catalogue.download('indicator.dvc.online', 'csv', {});
    expect(csv.mediaType).toBe('text/csv; charset=utf-8');
    const rows = parse<Record<string, string>>(csv.body, { bom: true, columns: true });
    expect(rows.map((r) => [Number(r.value), r.unitCode, r.period])).toEqual(
      json.rows.map((r) => [
        'value' in r ? r.value : null,
        r.unitCode,
        'period' in r ? r.period : null,
      ]),
    );
  });

  it('aggregates a metric per ward and hour over public devices only, within the window', async () => {
    const json = datasetDataResponse.parse(
      JSON.parse((await catalogue.download('metric.pm25', 'json', {})).body.toString('utf8')),
    );
    expect(json.from).toBe('2026-02-08T12:00:00.000Z');
    expect(json.rows).toEqual([
      {
        hour: '2026-03-10T08:00:00.000Z',
        unitCode: '20314',
        unitName: 'Phường Hải Châu',
        mean: 25,
        min: 20,
        max: 30,
        count: 4,
        devices: 1,
        uom: 'µg/m³',
      },
      {
        hour: '2026-03-10T09:00:00.000Z',
        unitCode: '20314',
        unitName: 'Phường Hải Châu',
        mean: 30.5,
        min: 30,
        max: 31,
        count: 2,
        devices: 1,
        uom: 'µg/m³',
      },
    ]);
    const older = await catalogue.download('metric.pm25', 'json', {
      from: new Date('2025-11-30T00:00:00Z'),
      to: new Date('2025-12-02T00:00:00Z'),
    });
    expect((JSON.parse(older.body.toString('utf8')) as { rows: unknown[] }).rows).toHaveLength(1);
  });

  it('refuses a window over 366 days or reversed, naming the field', async () => {
    const wide = await catalogue
      .download('metric.pm25', 'csv', { from: new Date('2024-01-01T00:00:00Z'), to: NOW })
      .catch((e: unknown) => e);
    expect((wide as DomainError).details?.issues[0]?.path).toBe('to');
    const reversed = await catalogue
      .download('metric.pm25', 'csv', { from: NOW, to: new Date('2026-03-01T00:00:00Z') })
      .catch((e: unknown) => e);
    expect((reversed as DomainError).details?.issues[0]?.path).toBe('from');
  });

  it('answers not found for an unpublished dataset, an unknown one, or a wrong format', async () => {
    for (const [id, format] of [
      ['indicator.dvc.secret', 'csv'],
      ['metric.pm10', 'json'],
      ['metric.nope', 'json'],
      ['boundaries.75', 'geojson'],
      ['indicator.dvc.online', 'geojson'],
      ['boundaries.48', 'csv'],
    ] as const) {
      const err = await catalogue.download(id, format, {}).catch((e: unknown) => e);
      expect(err, `${id} ${format}`).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('DATASET_NOT_FOUND');
    }
  });

  it('serves the ward boundaries as GeoJSON with rounded coordinates', async () => {
    const file = await catalogue.download('boundaries.48', 'geojson', {});
    expect(file.mediaType).toBe('application/geo+json; charset=utf-8');
    const fc = JSON.parse(file.body.toString('utf8')) as {
      type: string;
      features: {
        id: string;
        properties: { name: string };
        geometry: { coordinates: number[][][][] };
      }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => [f.id, f.properties.name])).toEqual([
      ['20275', 'Phường An Hải'],
      ['20314', 'Phường Hải Châu'],
    ]);
    expect(fc.features[0]?.geometry.coordinates[0]?.[0]?.[1]).toEqual([108.24235, 16.06]);
  });

  it('describes the catalogue as DCAT JSON-LD', async () => {
    const doc = (await catalogue.catalog(BASE)) as Record<string, unknown> & {
      'dcat:dataset': Record<string, unknown>[];
    };
    expect(doc['@type']).toBe('dcat:Catalog');
    expect(doc['@context']).toMatchObject({
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
    });
    const ds = doc['dcat:dataset'][0];
    expect(ds).toMatchObject({
      '@type': 'dcat:Dataset',
      'dct:identifier': 'indicator.dvc.online',
      'dct:license': { '@id': 'https://creativecommons.org/licenses/by/4.0/' },
      'dct:accrualPeriodicity': {
        '@id': 'http://publications.europa.eu/resource/authority/frequency/QUARTERLY',
      },
      'dct:modified': { '@value': '2026-01-05T00:00:00.000Z', '@type': 'xsd:dateTime' },
    });
    expect(ds?.['dcat:distribution']).toEqual([
      expect.objectContaining({ '@type': 'dcat:Distribution', 'dct:format': 'CSV' }),
      expect.objectContaining({ '@type': 'dcat:Distribution', 'dct:format': 'JSON' }),
    ]);
  });

  it('reuses a listing for a minute and builds it again once invalidated', async () => {
    const ids = async () => (await catalogue.list(BASE)).datasets.map((d) => d.id);
    const before = await ids();
    await publish(db, [['metric', 'pm10', true]]);
    expect(await ids()).toEqual(before);
    catalogue.invalidate();
    expect(await ids()).toContain('metric.pm10');
    await publish(db, [['metric', 'pm10', false]]);
    catalogue.invalidate();
  });
});
