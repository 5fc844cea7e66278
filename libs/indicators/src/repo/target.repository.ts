import type { Queryable } from '@ioc/db';
import type { TargetRule } from '../catalogue/schema';
import type { TargetLike } from '../status/status';
import { toDate, toNumber, type Actor } from './sql';

export type StoredTarget = TargetLike & {
  id: number;
  indicator: string;
  unitCode: string;
  seedKey: string | null;
  retiredAt: Date | null;
};

export interface TargetInput {
  indicator: string;
  unitCode: string;
  year: number;
  rule: TargetRule;
  source: string | null;
  ref: string | null;
}

export type TargetChange = Omit<TargetInput, 'indicator' | 'unitCode'>;

interface TargetRow {
  id: unknown;
  indicator: string;
  unit_code: string;
  year: number;
  op: TargetRule['op'];
  value: number | null;
  min: number | null;
  max: number | null;
  source: string | null;
  ref: string | null;
  seed_key: string | null;
  retired_at: unknown;
}

const COLUMNS =
  'id, indicator, unit_code, year, op, value, min, max, source, ref, seed_key, retired_at';

function ruleFromRow(r: Pick<TargetRow, 'op' | 'value' | 'min' | 'max'>): TargetRule {
  // The table's CHECK constraint guarantees the numbers each operator needs are present.
  if (r.op === 'between') return { op: 'between', min: r.min ?? 0, max: r.max ?? 0 };
  if (r.op === 'reached') return { op: 'reached' };
  return { op: r.op, value: r.value ?? 0 };
}

function toTarget(r: TargetRow): StoredTarget {
  return {
    ...ruleFromRow(r),
    id: toNumber(r.id),
    indicator: r.indicator,
    unitCode: r.unit_code,
    year: r.year,
    source: r.source,
    ref: r.ref,
    seedKey: r.seed_key,
    retiredAt: r.retired_at === null ? null : toDate(r.retired_at),
  };
}

function ruleParams(rule: TargetRule): [string, number | null, number | null, number | null] {
  if (rule.op === 'between') return [rule.op, null, rule.min, rule.max];
  if (rule.op === 'reached') return [rule.op, null, null, null];
  return [rule.op, rule.value, null, null];
}

export interface TargetFilter {
  indicators?: readonly string[];
  unitCodes?: readonly string[];
  includeRetired?: boolean;
}

/** Plan targets of the indicators, per unit and year; retired ones stay for the audit trail. */
export class TargetRepository {
  constructor(private readonly db: Queryable) {}

  async list(filter: TargetFilter = {}): Promise<StoredTarget[]> {
    const { rows } = await this.db.query<TargetRow>(
      `SELECT ${COLUMNS} FROM indicator_target
       WHERE ($1::text[] IS NULL OR indicator = ANY($1::text[]))
         AND ($2::text[] IS NULL OR unit_code = ANY($2::text[]))
         AND ($3::boolean OR retired_at IS NULL)
       ORDER BY indicator, unit_code, year, id`,
      [filter.indicators ?? null, filter.unitCodes ?? null, filter.includeRetired ?? false],
    );
    return rows.map(toTarget);
  }

  /** One target by id (retired ones included, so an audit view can show them), or null. */
  async get(id: number): Promise<StoredTarget | null> {
    const { rows } = await this.db.query<TargetRow>(
      `SELECT ${COLUMNS} FROM indicator_target WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    return row === undefined ? null : toTarget(row);
  }

  /**
   * Target edits are one statement each — the change and its indicator_change_log entry are
   * written by data-modifying CTEs, so they commit or fail together without a transaction.
   */
  async create(input: TargetInput, actor: Actor): Promise<StoredTarget> {
    const { rows } = await this.db.query<TargetRow>(
      `WITH ins AS (
         INSERT INTO indicator_target (indicator, unit_code, year, op, value, min, max, source, ref)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *),
       log AS (
         INSERT INTO indicator_change_log (changed_by, reason, entity, entity_key, action, before, after)
         SELECT $10, $11, 'target', ins.id::text, 'create', NULL, to_jsonb(ins) FROM ins)
       SELECT ${COLUMNS} FROM ins`,
      [
        input.indicator,
        input.unitCode,
        input.year,
        ...ruleParams(input.rule),
        input.source,
        input.ref,
        actor.who,
        actor.why,
      ],
    );
    const row = rows[0];
    if (row === undefined) throw new Error('INSERT ... RETURNING returned no row');
    return toTarget(row);
  }

  /** Replaces year, comparator, source and ref of a live target. Null when it does not exist or is retired. */
  async update(id: number, change: TargetChange, actor: Actor): Promise<StoredTarget | null> {
    const { rows } = await this.db.query<TargetRow>(
      `WITH old AS (SELECT * FROM indicator_target WHERE id = $1 AND retired_at IS NULL FOR UPDATE),
       upd AS (
         UPDATE indicator_target t
         SET year = $2, op = $3, value = $4, min = $5, max = $6, source = $7, ref = $8, updated_at = now()
         FROM old WHERE t.id = old.id
         RETURNING t.*),
       log AS (
         INSERT INTO indicator_change_log (changed_by, reason, entity, entity_key, action, before, after)
         SELECT $9, $10, 'target', upd.id::text, 'update', to_jsonb(old), to_jsonb(upd) FROM old JOIN upd USING (id))
       SELECT ${COLUMNS} FROM upd`,
      [
        id,
        change.year,
        ...ruleParams(change.rule),
        change.source,
        change.ref,
        actor.who,
        actor.why,
      ],
    );
    const row = rows[0];
    return row === undefined ? null : toTarget(row);
  }

  /** Retires (soft-deletes) a target; it stays for the audit trail and a re-seed will not bring it back. */
  async retire(id: number, actor: Actor): Promise<StoredTarget | null> {
    const { rows } = await this.db.query<TargetRow>(
      `WITH old AS (SELECT * FROM indicator_target WHERE id = $1 AND retired_at IS NULL FOR UPDATE),
       upd AS (
         UPDATE indicator_target t SET retired_at = now(), updated_at = now()
         FROM old WHERE t.id = old.id
         RETURNING t.*),
       log AS (
         INSERT INTO indicator_change_log (changed_by, reason, entity, entity_key, action, before, after)
         SELECT $2, $3, 'target', upd.id::text, 'retire', to_jsonb(old), to_jsonb(upd) FROM old JOIN upd USING (id))
       SELECT ${COLUMNS} FROM upd`,
      [id, actor.who, actor.why],
    );
    const row = rows[0];
    return row === undefined ? null : toTarget(row);
  }
}
