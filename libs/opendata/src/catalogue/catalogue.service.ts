import {
  DomainError,
  invalidInput,
  type Dataset,
  type DatasetDataQuery,
  type DatasetDataResponse,
  type DatasetListResponse,
  type IndicatorDatasetRow,
  type MetricDatasetRow,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { PublicationRepository } from '../publication/publication.repository';
import {
  CatalogueRepository,
  type IndicatorSummary,
  type MetricSummary,
} from './catalogue.repository';
import { csvWithBom } from './csv';
import {
  boundariesDataset,
  FORMATS,
  indicatorDataset,
  MEDIA_TYPES,
  metricDataset,
  type DatasetFormat,
  type Licence,
} from './datasets';
import { dcatCatalog } from './dcat';
import { roundGeometry } from './geometry';

export interface CatalogueDeps {
  /** The province this platform runs for: it names the publisher. */
  provinceCode: string;
  now?: () => Date;
  /**
   * How long a listing is reused (default 60 s, as long as clients may cache it): a flood of
   * admitted requests then costs no queries. Publication changes call `invalidate()`.
   */
  cacheMs?: number;
}

/** A download: bytes and how to send them. */
export interface DatasetFile {
  body: Buffer;
  mediaType: string;
  filename: string;
}

const DAY_MS = 86_400_000;
/** A metric download covers at most this many days (a year of hours per ward stays ~10 MB). */
export const MAX_WINDOW_DAYS = 366;
export const DEFAULT_WINDOW_DAYS = 30;
/** 5 decimals ≈ 1 m: finer than the boundaries are drawn, a third of the stored digits. */
const BOUNDARY_DECIMALS = 5;
const MEAN_DECIMALS = 4;

const INDICATOR_COLUMNS = [
  'unitCode',
  'unitName',
  'period',
  'periodStart',
  'periodEnd',
  'value',
  'uom',
  'submittedAt',
] as const satisfies readonly (keyof IndicatorDatasetRow)[];
const METRIC_COLUMNS = [
  'hour',
  'unitCode',
  'unitName',
  'mean',
  'min',
  'max',
  'count',
  'devices',
  'uom',
] as const satisfies readonly (keyof MetricDatasetRow)[];

/**
 * The dataset catalogue (issue 17): one dataset per public indicator (its current values per
 * unit and period), one per public metric (hourly statistics per ward over public devices), and
 * the ward boundaries of each province; listed as plain JSON and as DCAT JSON-LD, downloadable
 * as CSV (UTF-8 with BOM), JSON and GeoJSON. What is not public is "not found", never "forbidden".
 */
export class DatasetCatalogueService {
  private readonly repo: CatalogueRepository;
  private readonly publication: PublicationRepository;
  /** Listings by origin (absolute URLs differ per origin); a handful at most. */
  private readonly listed = new Map<string, { at: number; list: Promise<DatasetListResponse> }>();

  constructor(
    db: Queryable,
    private readonly deps: CatalogueDeps,
  ) {
    this.repo = new CatalogueRepository(db);
    this.publication = new PublicationRepository(db);
  }

  /** `base`: the API's origin as the caller reached it, for absolute download URLs. */
  list(base: string): Promise<DatasetListResponse> {
    const now = this.now().getTime();
    const hit = this.listed.get(base);
    if (hit && now - hit.at < (this.deps.cacheMs ?? 60_000)) return hit.list;
    const list = this.build(base);
    if (this.listed.size >= 16) this.listed.clear();
    this.listed.set(base, { at: now, list });
    list.catch(() => this.listed.delete(base));
    return list;
  }

  /** Forgets the cached listings: what is public, or its licence, changed. */
  invalidate(): void {
    this.listed.clear();
  }

  private async build(base: string): Promise<DatasetListResponse> {
    const [licence, indicators, metrics, provinces, publisher] = await Promise.all([
      this.licence(),
      this.repo.indicators(),
      this.repo.metrics(),
      this.repo.provinces(),
      this.publisher(),
    ]);
    return {
      publisher,
      datasets: [
        ...indicators.map((i) => indicatorDataset(base, i, licence)),
        ...metrics.map((m) => metricDataset(base, m, licence)),
        ...provinces.map((p) => boundariesDataset(base, p, licence)),
      ],
      sensorThings: `${base}/sta/v1.1`,
    };
  }

  async catalog(base: string): Promise<Record<string, unknown>> {
    return dcatCatalog(base, await this.list(base));
  }

  /** One distribution of a dataset; an unknown or unpublished dataset or format is not found. */
  async download(id: string, format: DatasetFormat, query: DatasetDataQuery): Promise<DatasetFile> {
    const dot = id.indexOf('.');
    const kind = id.slice(0, dot) as Dataset['kind'];
    const key = id.slice(dot + 1);
    if (!(kind in FORMATS) || !FORMATS[kind].includes(format)) throw notFound(id, format);
    const file = (body: Buffer | string): DatasetFile => ({
      body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
      mediaType: `${MEDIA_TYPES[format]}; charset=utf-8`,
      filename: `${id}.${format}`,
    });
    if (kind === 'boundaries') {
      const collection = await this.boundaries(key);
      if (!collection) throw notFound(id, format);
      return file(JSON.stringify(collection));
    }
    const data =
      kind === 'indicator' ? await this.indicatorData(key) : await this.metricData(key, query);
    if (!data) throw notFound(id, format);
    if (format === 'json') return file(JSON.stringify(data));
    return file(
      kind === 'indicator'
        ? csvWithBom(INDICATOR_COLUMNS, data.rows as IndicatorDatasetRow[])
        : csvWithBom(METRIC_COLUMNS, data.rows as MetricDatasetRow[]),
    );
  }

  private async indicatorData(code: string): Promise<DatasetDataResponse | null> {
    const [summary] = await this.repo.indicators(code);
    if (!summary) return null;
    const [licence, values] = await Promise.all([this.licence(), this.repo.indicatorValues(code)]);
    return {
      ...this.head(`indicator.${code}`, summary),
      licence,
      from: null,
      to: null,
      rows: values.map((v) => ({
        unitCode: v.unitCode,
        unitName: v.unitName,
        period: v.period,
        periodStart: v.periodStart,
        periodEnd: v.periodEnd,
        value: v.value,
        uom: summary.unit,
        submittedAt: v.submittedAt.toISOString(),
      })),
    };
  }

  private async metricData(
    code: string,
    query: DatasetDataQuery,
  ): Promise<DatasetDataResponse | null> {
    const { from, to } = this.window(query);
    const [summary] = await this.repo.metrics(code);
    if (!summary) return null;
    const [licence, hours] = await Promise.all([
      this.licence(),
      this.repo.metricHours(code, from, to),
    ]);
    const f = 10 ** MEAN_DECIMALS;
    return {
      ...this.head(`metric.${code}`, summary),
      licence,
      from: from.toISOString(),
      to: to.toISOString(),
      rows: hours.map((h) => ({
        hour: h.hour.toISOString(),
        unitCode: h.unitCode,
        unitName: h.unitName,
        mean: Math.round(h.mean * f) / f,
        min: h.min,
        max: h.max,
        count: h.count,
        devices: h.devices,
        uom: summary.uom,
      })),
    };
  }

  private async boundaries(provinceCode: string) {
    const [province] = await this.repo.provinces(provinceCode);
    if (!province) return null;
    const units = await this.repo.boundaries(provinceCode);
    return {
      type: 'FeatureCollection' as const,
      features: units.map(({ geom, ...u }) => ({
        type: 'Feature' as const,
        id: u.code,
        properties: u,
        geometry: roundGeometry(geom, BOUNDARY_DECIMALS),
      })),
    };
  }

  /** [from, to): default the last 30 days; refused past 366 days or reversed. */
  private window(query: DatasetDataQuery): { from: Date; to: Date } {
    const to = query.to ?? this.now();
    const from = query.from ?? new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
    if (from.getTime() >= to.getTime()) {
      throw invalidInput('QUERY_INVALID', [{ path: 'from', message: 'must be before `to`' }]);
    }
    if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
      throw invalidInput('QUERY_INVALID', [
        {
          path: 'to',
          message: `khoảng thời gian tối đa ${String(MAX_WINDOW_DAYS)} ngày (at most ${String(MAX_WINDOW_DAYS)} days)`,
        },
      ]);
    }
    return { from, to };
  }

  private head(id: string, s: IndicatorSummary | MetricSummary) {
    return { id, titleVi: s.nameVi, titleEn: s.nameEn };
  }

  private async licence(): Promise<Licence> {
    const s = await this.publication.settings();
    return { id: s.licenceId, url: s.licenceUrl };
  }

  private async publisher(): Promise<DatasetListResponse['publisher']> {
    const p = await this.repo.provinceName(this.deps.provinceCode);
    const vi = p?.name ?? `tỉnh ${this.deps.provinceCode}`;
    const en = p?.nameEn ?? vi;
    return { nameVi: `Ủy ban nhân dân ${vi}`, nameEn: `People's Committee of ${en}` };
  }

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }
}

function notFound(id: string, format: string): DomainError {
  return new DomainError(
    'not_found',
    'DATASET_NOT_FOUND',
    `Không có bộ dữ liệu ${id} dạng ${format} (no dataset ${id} as ${format})`,
  );
}
