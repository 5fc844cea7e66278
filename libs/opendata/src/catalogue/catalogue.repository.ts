import type { Queryable } from '@ioc/db';

export interface IndicatorSummary {
  code: string;
  nameVi: string;
  nameEn: string;
  domain: string;
  unit: string;
  modified: Date | null;
  /** Cadences of the live feeds that report it or are set up for it. */
  cadences: string[];
}

export interface MetricSummary {
  code: string;
  nameVi: string;
  nameEn: string;
  uom: string;
  category: string;
  modified: Date | null;
}

export interface ProvinceSummary {
  code: string;
  name: string;
  nameEn: string | null;
  modified: Date | null;
}

export interface IndicatorValueRow {
  unitCode: string;
  unitName: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  submittedAt: Date;
}

export interface MetricHourRow {
  hour: Date;
  unitCode: string;
  unitName: string;
  mean: number;
  min: number;
  max: number;
  count: number;
  devices: number;
}

export interface BoundaryRow {
  code: string;
  name: string;
  shortName: string;
  nameEn: string | null;
  level: string;
  parentCode: string | null;
  areaKm2: number | null;
  population: number | null;
  geom: unknown;
}

/**
 * The catalogue's reads. Indicators, metrics and devices are read only through the
 * open_public_* views, so a dataset can never include what is not published.
 */
export class CatalogueRepository {
  constructor(private readonly db: Queryable) {}

  async indicators(code?: string): Promise<IndicatorSummary[]> {
    const { rows } = await this.db.query<IndicatorSummary>(
      `SELECT i.code, i.name_vi AS "nameVi", i.name_en AS "nameEn", i.domain, i.unit,
              (SELECT max(r.submitted_at) FROM indicator_report r
                WHERE r.indicator = i.code AND r.superseded_at IS NULL) AS modified,
              ARRAY(SELECT DISTINCT f.cadence FROM feed f
                     WHERE f.revoked_at IS NULL
                       AND (i.code = ANY(f.allowed_indicators)
                            OR EXISTS (SELECT 1 FROM indicator_report r
                                        WHERE r.indicator = i.code AND r.feed = f.code
                                          AND r.superseded_at IS NULL))) AS cadences
       FROM open_public_indicator i
       WHERE $1::text IS NULL OR i.code = $1
       ORDER BY i.code`,
      [code ?? null],
    );
    return rows;
  }

  async metrics(code?: string): Promise<MetricSummary[]> {
    const { rows } = await this.db.query<MetricSummary>(
      `SELECT m.code, m.name_vi AS "nameVi", m.name_en AS "nameEn", m.uom, m.category,
              (SELECT max(l.time) FROM device_latest l
                 JOIN open_public_device d ON d.id = l.device_id
                WHERE l.metric = m.code) AS modified
       FROM open_public_metric m
       WHERE $1::text IS NULL OR m.code = $1
       ORDER BY m.code`,
      [code ?? null],
    );
    return rows;
  }

  /** Provinces whose wards and communes have boundaries (one boundaries dataset each). */
  async provinces(code?: string): Promise<ProvinceSummary[]> {
    const { rows } = await this.db.query<ProvinceSummary>(
      `SELECT p.code, p.name, p.name_en AS "nameEn",
              (SELECT max(c.updated_at) FROM admin_unit c
                WHERE c.parent_code = p.code AND c.valid_to IS NULL) AS modified
       FROM admin_unit p
       WHERE p.level = 'province' AND p.valid_to IS NULL
         AND ($1::text IS NULL OR p.code = $1)
         AND EXISTS (SELECT 1 FROM admin_unit c
                      WHERE c.parent_code = p.code AND c.valid_to IS NULL AND c.geom IS NOT NULL)
       ORDER BY p.code`,
      [code ?? null],
    );
    return rows;
  }

  /** Current values only: a re-submitted period keeps just its newest row (superseded_at NULL). */
  async indicatorValues(code: string): Promise<IndicatorValueRow[]> {
    const { rows } = await this.db.query<IndicatorValueRow>(
      `SELECT r.unit_code AS "unitCode", u.name AS "unitName", r.period,
              to_char(r.period_start, 'YYYY-MM-DD') AS "periodStart",
              to_char(r.period_end, 'YYYY-MM-DD') AS "periodEnd",
              r.value, r.submitted_at AS "submittedAt"
       FROM indicator_report r
       JOIN open_public_indicator i ON i.code = r.indicator
       JOIN admin_unit u ON u.code = r.unit_code
       WHERE r.indicator = $1 AND r.superseded_at IS NULL
       ORDER BY r.period_start, r.unit_code`,
      [code],
    );
    return rows;
  }

  /**
   * Hourly means, minima, maxima and counts per ward over the public devices only (a device
   * that is not public adds nothing, not even to a mean), for an hour window [from, to).
   */
  async metricHours(code: string, from: Date, to: Date): Promise<MetricHourRow[]> {
    const { rows } = await this.db.query<MetricHourRow>(
      `SELECT r.bucket AS hour, r.unit_code AS "unitCode", u.name AS "unitName",
              (sum(r.sum) / sum(r.n))::float8 AS mean, min(r.min) AS min, max(r.max) AS max,
              sum(r.n)::int AS count, count(DISTINCT r.device_id)::int AS devices
       FROM rollup_1h r
       JOIN open_public_device d ON d.id = r.device_id
       JOIN open_public_metric m ON m.code = r.metric
       JOIN admin_unit u ON u.code = r.unit_code
       WHERE r.metric = $1 AND r.bucket >= $2 AND r.bucket < $3
       GROUP BY r.bucket, r.unit_code, u.name
       ORDER BY r.bucket, r.unit_code`,
      [code, from, to],
    );
    return rows;
  }

  async boundaries(provinceCode: string): Promise<BoundaryRow[]> {
    const { rows } = await this.db.query<BoundaryRow>(
      `SELECT code, name, short_name AS "shortName", name_en AS "nameEn", level,
              parent_code AS "parentCode", area_km2 AS "areaKm2", population, geom
       FROM admin_unit
       WHERE parent_code = $1 AND valid_to IS NULL AND geom IS NOT NULL
       ORDER BY code`,
      [provinceCode],
    );
    return rows;
  }

  async provinceName(code: string): Promise<{ name: string; nameEn: string | null } | null> {
    const { rows } = await this.db.query<{ name: string; nameEn: string | null }>(
      'SELECT name, name_en AS "nameEn" FROM admin_unit WHERE code = $1',
      [code],
    );
    return rows[0] ?? null;
  }
}
