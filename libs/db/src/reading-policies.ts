import { inTransaction } from './pool';
import type { Queryable } from './queryable';

/** Fixed: processes starting at once apply the policies one after another. */
const POLICY_LOCK_KEY = 4_857_202;

export interface ReadingPolicies {
  /** Compress `reading` chunks older than this many days. */
  compressAfterDays: number;
  /** Drop raw `reading` chunks older than this many days (rollups are kept). */
  rawRetentionDays: number;
}

export interface AppliedPolicy {
  policy: 'compression' | 'retention';
  days: number;
  /** False when the policy already had this age (the usual restart). */
  changed: boolean;
}

const POLICIES = [
  {
    policy: 'compression',
    proc: 'policy_compression',
    key: 'compress_after',
    remove: 'remove_compression_policy',
    add: 'add_compression_policy',
  },
  {
    policy: 'retention',
    proc: 'policy_retention',
    key: 'drop_after',
    remove: 'remove_retention_policy',
    add: 'add_retention_policy',
  },
] as const;

/**
 * TimescaleDB only: makes the compression and retention policies of `reading` match the config,
 * at every start. A migration cannot take the ages as parameters (and its checksum pins its
 * text), so migration 0003 creates the policies and this moves them. `add_*_policy(…,
 * if_not_exists)` alone keeps an existing policy with a different age, hence the compare and
 * replace, in one transaction under an advisory lock so API replicas starting together agree.
 */
export async function applyReadingPolicies(
  db: Queryable,
  wanted: ReadingPolicies,
): Promise<AppliedPolicy[]> {
  return inTransaction(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [POLICY_LOCK_KEY]);
    const out: AppliedPolicy[] = [];
    for (const p of POLICIES) out.push(await applyOne(tx, p, wanted));
    return out;
  });
}

async function applyOne(
  db: Queryable,
  p: (typeof POLICIES)[number],
  wanted: ReadingPolicies,
): Promise<AppliedPolicy> {
  const days = p.policy === 'compression' ? wanted.compressAfterDays : wanted.rawRetentionDays;
  const { rows } = await db.query<{ age: string | null }>(
    `SELECT config ->> '${p.key}' AS age FROM timescaledb_information.jobs
       WHERE hypertable_schema = 'public' AND hypertable_name = 'reading' AND proc_name = $1`,
    [p.proc],
  );
  const current = rows[0]?.age ?? null;
  const same = current !== null && (await sameInterval(db, current, days));
  if (!same) {
    await db.query(`SELECT ${p.remove}('reading', if_exists => true)`);
    await db.query(
      `SELECT ${p.add}('reading', make_interval(days => $1::int), if_not_exists => true)`,
      [days],
    );
  }
  return { policy: p.policy, days, changed: !same };
}

async function sameInterval(db: Queryable, current: string, days: number): Promise<boolean> {
  const { rows } = await db.query<{ same: boolean }>(
    'SELECT $1::interval = make_interval(days => $2::int) AS same',
    [current, days],
  );
  return rows[0]?.same === true;
}
