import type { Queryable } from '@ioc/db';
import type { Catalogue, Indicator, IndicatorSource } from '../catalogue/schema';
import { toNumber, type Actor } from './sql';

export interface SeedResult {
  sources: number;
  indicators: number;
  targets: number;
}

function indicatorToRow(i: Indicator): Record<string, unknown> {
  return {
    code: i.code,
    name_vi: i.nameVi,
    name_en: i.nameEn,
    domain: i.domain,
    unit: i.unit,
    direction: i.direction,
    rollup: i.rollup,
    numerator_vi: i.numeratorVi,
    denominator_vi: i.denominatorVi,
    measured_at: i.measuredAt,
    lead_agency_vi: i.leadAgencyVi,
    notes: i.notes,
  };
}

interface IndicatorRow {
  code: string;
  name_vi: string;
  name_en: string;
  domain: string;
  unit: Indicator['unit'];
  direction: Indicator['direction'];
  rollup: Indicator['rollup'];
  numerator_vi: string | null;
  denominator_vi: string | null;
  measured_at: Indicator['measuredAt'];
  lead_agency_vi: string;
  notes: string | null;
}

const INDICATOR_COLUMNS =
  'code, name_vi, name_en, domain, unit, direction, rollup, numerator_vi, denominator_vi, measured_at, lead_agency_vi, notes';

function rowToIndicator(r: IndicatorRow): Indicator {
  return {
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    domain: r.domain,
    unit: r.unit,
    direction: r.direction,
    rollup: r.rollup,
    numeratorVi: r.numerator_vi,
    denominatorVi: r.denominator_vi,
    measuredAt: r.measured_at,
    leadAgencyVi: r.lead_agency_vi,
    notes: r.notes,
  };
}

/**
 * The descriptive fields an administrator may edit. Unit, direction, rollup and levels are not
 * editable here: changing them would silently change the meaning of every stored report.
 */
export type IndicatorPatch = Partial<
  Pick<Indicator, 'nameVi' | 'nameEn' | 'numeratorVi' | 'denominatorVi' | 'leadAgencyVi' | 'notes'>
>;

/** Sources and indicators of the catalogue; edits are logged in indicator_change_log. */
export class CatalogueRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Seeds the catalogue idempotently: rows that are missing are inserted, rows that exist are left
   * alone. Existing rows are not overwritten because administrators may have edited them (each
   * edit is in indicator_change_log); a retired target keeps its seed_key, so it is not
   * resurrected. Returns how many rows were inserted. Runs as three single statements, each
   * atomic, so a repeat after a crash simply completes the job.
   */
  async seed(catalogue: Catalogue): Promise<SeedResult> {
    const sources = await this.db.query<{ n: unknown }>(
      `WITH ins AS (
         INSERT INTO indicator_source (id, title_vi, title_en, issuer_vi, unit_code, issued_on, seed_file)
         SELECT id, title_vi, title_en, issuer_vi, unit_code, issued_on, seed_file
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, title_vi text, title_en text, issuer_vi text,
              unit_code text, issued_on date, seed_file text)
         ON CONFLICT (id) DO NOTHING RETURNING 1)
       SELECT count(*) AS n FROM ins`,
      [
        JSON.stringify(
          catalogue.sources.map((s) => ({
            id: s.id,
            title_vi: s.titleVi,
            title_en: s.titleEn,
            issuer_vi: s.issuerVi,
            unit_code: s.unitCode,
            issued_on: s.issuedOn,
            seed_file: s.seedFile,
          })),
        ),
      ],
    );
    const indicators = await this.db.query<{ n: unknown }>(
      `WITH ins AS (
         INSERT INTO indicator (code, name_vi, name_en, domain, unit, direction, rollup, numerator_vi,
                                denominator_vi, measured_at, lead_agency_vi, notes)
         SELECT code, name_vi, name_en, domain, unit, direction, rollup, numerator_vi, denominator_vi,
                measured_at, lead_agency_vi, notes
         FROM jsonb_to_recordset($1::jsonb) AS x(code text, name_vi text, name_en text, domain text,
              unit text, direction text, rollup text, numerator_vi text, denominator_vi text,
              measured_at text[], lead_agency_vi text, notes text)
         ON CONFLICT (code) DO NOTHING RETURNING 1)
       SELECT count(*) AS n FROM ins`,
      [JSON.stringify(catalogue.indicators.map(indicatorToRow))],
    );
    const targets = await this.db.query<{ n: unknown }>(
      `WITH ins AS (
         INSERT INTO indicator_target (indicator, unit_code, year, op, value, min, max, source, ref, seed_key)
         SELECT indicator, unit_code, year, op, value, min, max, source, ref, seed_key
         FROM jsonb_to_recordset($1::jsonb) AS x(indicator text, unit_code text, year integer, op text,
              value double precision, min double precision, max double precision, source text,
              ref text, seed_key text)
         -- Filtered first so a re-seed does not draw (and burn) an id per already-seeded target.
         WHERE NOT EXISTS (SELECT 1 FROM indicator_target t WHERE t.seed_key = x.seed_key)
         ON CONFLICT (seed_key) DO NOTHING RETURNING 1)
       SELECT count(*) AS n FROM ins`,
      [
        JSON.stringify(
          catalogue.targets.map((t) => ({
            indicator: t.indicator,
            unit_code: t.unitCode,
            year: t.year,
            op: t.op,
            value: 'value' in t ? t.value : null,
            min: 'min' in t ? t.min : null,
            max: 'max' in t ? t.max : null,
            source: t.source,
            ref: t.ref,
            seed_key: t.key,
          })),
        ),
      ],
    );
    return {
      sources: toNumber(sources.rows[0]?.n ?? 0),
      indicators: toNumber(indicators.rows[0]?.n ?? 0),
      targets: toNumber(targets.rows[0]?.n ?? 0),
    };
  }

  /** The stored catalogue (with administrators' edits), ordered by code. */
  async listIndicators(): Promise<Indicator[]> {
    const { rows } = await this.db.query<IndicatorRow>(
      `SELECT ${INDICATOR_COLUMNS} FROM indicator ORDER BY code`,
    );
    return rows.map(rowToIndicator);
  }

  async listSources(): Promise<IndicatorSource[]> {
    const { rows } = await this.db.query<{
      id: string;
      title_vi: string;
      title_en: string;
      issuer_vi: string;
      unit_code: string;
      issued_on: string | null;
      seed_file: string | null;
    }>(
      `SELECT id, title_vi, title_en, issuer_vi, unit_code, issued_on::text AS issued_on, seed_file
       FROM indicator_source ORDER BY id`,
    );
    return rows.map((r) => ({
      id: r.id,
      titleVi: r.title_vi,
      titleEn: r.title_en,
      issuerVi: r.issuer_vi,
      unitCode: r.unit_code,
      issuedOn: r.issued_on,
      seedFile: r.seed_file,
    }));
  }

  /** One stored indicator, or null. */
  async getIndicator(code: string): Promise<Indicator | null> {
    const { rows } = await this.db.query<IndicatorRow>(
      `SELECT ${INDICATOR_COLUMNS} FROM indicator WHERE code = $1`,
      [code],
    );
    const row = rows[0];
    return row === undefined ? null : rowToIndicator(row);
  }

  /**
   * Adds an indicator to the catalogue (one a plan introduces after the seed), logged with who and
   * why in the same statement. Null when the code is already taken.
   */
  async createIndicator(indicator: Indicator, actor: Actor): Promise<Indicator | null> {
    const { rows } = await this.db.query<IndicatorRow>(
      `WITH ins AS (
         INSERT INTO indicator (code, name_vi, name_en, domain, unit, direction, rollup, numerator_vi,
                                denominator_vi, measured_at, lead_agency_vi, notes)
         SELECT code, name_vi, name_en, domain, unit, direction, rollup, numerator_vi, denominator_vi,
                measured_at, lead_agency_vi, notes
         FROM jsonb_to_record($1::jsonb) AS x(code text, name_vi text, name_en text, domain text,
              unit text, direction text, rollup text, numerator_vi text, denominator_vi text,
              measured_at text[], lead_agency_vi text, notes text)
         ON CONFLICT (code) DO NOTHING
         RETURNING *),
       log AS (
         INSERT INTO indicator_change_log (changed_by, reason, entity, entity_key, action, before, after)
         SELECT $2, $3, 'indicator', ins.code, 'create', NULL, to_jsonb(ins) FROM ins)
       SELECT ${INDICATOR_COLUMNS} FROM ins`,
      [JSON.stringify(indicatorToRow(indicator)), actor.who, actor.why],
    );
    const row = rows[0];
    return row === undefined ? null : rowToIndicator(row);
  }

  /** Edits an indicator and logs before/after in the same statement. Null when the code is unknown. */
  async updateIndicator(
    code: string,
    patch: IndicatorPatch,
    actor: Actor,
  ): Promise<Indicator | null> {
    const p: Record<string, unknown> = {};
    if (patch.nameVi !== undefined) p.name_vi = patch.nameVi;
    if (patch.nameEn !== undefined) p.name_en = patch.nameEn;
    if (patch.numeratorVi !== undefined) p.numerator_vi = patch.numeratorVi;
    if (patch.denominatorVi !== undefined) p.denominator_vi = patch.denominatorVi;
    if (patch.leadAgencyVi !== undefined) p.lead_agency_vi = patch.leadAgencyVi;
    if (patch.notes !== undefined) p.notes = patch.notes;
    // "key present" (?) rather than COALESCE, so a patch can set notes back to NULL.
    const set = (col: string): string =>
      `${col} = CASE WHEN $2::jsonb ? '${col}' THEN $2::jsonb ->> '${col}' ELSE i.${col} END`;
    const { rows } = await this.db.query<IndicatorRow>(
      `WITH old AS (SELECT * FROM indicator WHERE code = $1 FOR UPDATE),
       upd AS (
         UPDATE indicator i SET ${['name_vi', 'name_en', 'numerator_vi', 'denominator_vi', 'lead_agency_vi', 'notes'].map(set).join(', ')},
                updated_at = now()
         FROM old WHERE i.code = old.code
         RETURNING i.*),
       log AS (
         INSERT INTO indicator_change_log (changed_by, reason, entity, entity_key, action, before, after)
         SELECT $3, $4, 'indicator', upd.code, 'update', to_jsonb(old), to_jsonb(upd) FROM old JOIN upd USING (code))
       SELECT ${INDICATOR_COLUMNS} FROM upd`,
      [code, JSON.stringify(p), actor.who, actor.why],
    );
    const row = rows[0];
    return row === undefined ? null : rowToIndicator(row);
  }
}
