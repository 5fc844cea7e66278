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

export async function listTargets(
  db: Queryable,
  filter: TargetFilter = {},
): Promise<StoredTarget[]> {
  const { rows } = await db.query<TargetRow>(
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
export async function getTarget(db: Queryable, id: number): Promise<StoredTarget | null> {
  const { rows } = await db.query<TargetRow>(
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
export async function createTarget(
  db: Queryable,
  input: TargetInput,
  actor: Actor,
): Promise<StoredTarget> {
  const { rows } = await db.query<TargetRow>(
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
export async function updateTarget(
  db: Queryable,
  id: number,
  change: TargetChange,
  actor: Actor,
): Promise<StoredTarget | null> {
  const { rows } = await db.query<TargetRow>(
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
    [id, change.year, ...ruleParams(change.rule), change.source, change.ref, actor.who, actor.why],
  );
  const row = rows[0];
  return row === undefined ? null : toTarget(row);
}

/** Retires (soft-deletes) a target; it stays for the audit trail and a re-seed will not bring it back. */
export async function retireTarget(
  db: Queryable,
  id: number,
  actor: Actor,
): Promise<StoredTarget | null> {
  const { rows } = await db.query<TargetRow>(
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

export interface ChangeLogEntry {
  id: number;
  changedAt: Date;
  changedBy: string;
  reason: string;
  entity: 'indicator' | 'target' | 'source';
  entityKey: string;
  action: 'create' | 'update' | 'retire';
  before: unknown;
  after: unknown;
}

export async function listChangeLog(
  db: Queryable,
  filter: { entity?: ChangeLogEntry['entity']; entityKey?: string; limit?: number } = {},
): Promise<ChangeLogEntry[]> {
  const { rows } = await db.query<{
    id: unknown;
    changed_at: unknown;
    changed_by: string;
    reason: string;
    entity: ChangeLogEntry['entity'];
    entity_key: string;
    action: ChangeLogEntry['action'];
    before: unknown;
    after: unknown;
  }>(
    `SELECT id, changed_at, changed_by, reason, entity, entity_key, action, before, after
     FROM indicator_change_log
     WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_key = $2)
     ORDER BY changed_at DESC, id DESC
     LIMIT $3`,
    [filter.entity ?? null, filter.entityKey ?? null, filter.limit ?? 200],
  );
  return rows.map((r) => ({
    id: toNumber(r.id),
    changedAt: toDate(r.changed_at),
    changedBy: r.changed_by,
    reason: r.reason,
    entity: r.entity,
    entityKey: r.entity_key,
    action: r.action,
    before: r.before,
    after: r.after,
  }));
}
