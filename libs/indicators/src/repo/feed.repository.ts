import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '@ioc/db';
import type { Cadence } from '../period';
import { toDate, toDateOrNull, type Actor } from './sql';

export interface Feed {
  code: string;
  name: string;
  cadence: Cadence;
  dueDay: number;
  /** null = any catalogue indicator. */
  allowedIndicators: string[] | null;
  /** null = any unit. */
  allowedUnits: string[] | null;
  keyRotatedAt: Date;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface NewFeed {
  code: string;
  name: string;
  cadence: Cadence;
  dueDay?: number;
  allowedIndicators: readonly string[] | null;
  allowedUnits: readonly string[] | null;
}

/**
 * Feed keys are 256-bit random strings, so a plain SHA-256 is a sufficient at-rest hash (there
 * is no dictionary to attack, unlike passwords), and it is cheap enough for every request.
 * The "iocf_" prefix lets secret scanners recognise a leaked key.
 */
export function generateFeedKey(): string {
  return `iocf_${randomBytes(32).toString('base64url')}`;
}

export function hashFeedKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

function sameHash(key: string, hash: string): boolean {
  const a = Buffer.from(hashFeedKey(key), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

interface FeedRow {
  code: string;
  name: string;
  cadence: Cadence;
  due_day: number;
  allowed_indicators: string[] | null;
  allowed_units: string[] | null;
  key_rotated_at: unknown;
  created_at: unknown;
  revoked_at: unknown;
}

const COLUMNS =
  'code, name, cadence, due_day, allowed_indicators, allowed_units, key_rotated_at, created_at, revoked_at';

function toFeed(r: FeedRow): Feed {
  return {
    code: r.code,
    name: r.name,
    cadence: r.cadence,
    dueDay: r.due_day,
    allowedIndicators: r.allowed_indicators,
    allowedUnits: r.allowed_units,
    keyRotatedAt: toDate(r.key_rotated_at),
    createdAt: toDate(r.created_at),
    revokedAt: toDateOrNull(r.revoked_at),
  };
}

/**
 * Feed changes land in audit_log (migration 0020) in the same statement as the change: who, why
 * and the feed after the change (never the key or its hash).
 */
function auditCte(action: string, source: string, actorParam: number): string {
  return `log AS (
       INSERT INTO audit_log (actor, actor_kind, action, target_kind, target_id, detail)
       SELECT $${actorParam}, CASE WHEN $${actorParam}::text = 'system' THEN 'system' ELSE 'user' END,
              '${action}', 'feed', ${source}.code,
              jsonb_build_object('why', $${actorParam + 1}::text, 'feed', to_jsonb(${source}))
       FROM ${source})`;
}

/** Report feeds and their keys; every change is audited in the same statement. */
export class FeedRepository {
  constructor(private readonly db: Queryable) {}

  /** Creates a feed and returns its key — the only time the key exists outside the caller. */
  async create(input: NewFeed, actor: Actor): Promise<{ feed: Feed; key: string }> {
    const key = generateFeedKey();
    const { rows } = await this.db.query<FeedRow>(
      `WITH ins AS (
         INSERT INTO feed (code, name, key_hash, cadence, due_day, allowed_indicators, allowed_units)
         VALUES ($1, $2, $3, $4, $5, $6::text[], $7::text[])
         RETURNING ${COLUMNS}),
       ${auditCte('feed.create', 'ins', 8)}
       SELECT ${COLUMNS} FROM ins`,
      [
        input.code,
        input.name,
        hashFeedKey(key),
        input.cadence,
        input.dueDay ?? 10,
        input.allowedIndicators,
        input.allowedUnits,
        actor.who,
        actor.why,
      ],
    );
    const row = rows[0];
    if (row === undefined) throw new Error('INSERT ... RETURNING returned no row');
    return { feed: toFeed(row), key };
  }

  /** Issues a new key; the old one stops working at once. Null when the feed is unknown or revoked. */
  async rotateKey(code: string, actor: Actor): Promise<string | null> {
    const key = generateFeedKey();
    const { rows } = await this.db.query(
      `WITH upd AS (
         UPDATE feed SET key_hash = $2, key_rotated_at = now() WHERE code = $1 AND revoked_at IS NULL
         RETURNING ${COLUMNS}),
       ${auditCte('feed.rotate_key', 'upd', 3)}
       SELECT code FROM upd`,
      [code, hashFeedKey(key), actor.who, actor.why],
    );
    return rows.length === 1 ? key : null;
  }

  /** Revokes a feed: its key stops working at once; its reports stay. */
  async revoke(code: string, actor: Actor): Promise<boolean> {
    const { rows } = await this.db.query(
      `WITH upd AS (
         UPDATE feed SET revoked_at = now() WHERE code = $1 AND revoked_at IS NULL
         RETURNING ${COLUMNS}),
       ${auditCte('feed.revoke', 'upd', 2)}
       SELECT code FROM upd`,
      [code, actor.who, actor.why],
    );
    return rows.length === 1;
  }

  /** Changes what a feed may report; null keeps "unrestricted". */
  async updateScope(
    code: string,
    scope: Pick<NewFeed, 'allowedIndicators' | 'allowedUnits'>,
    actor: Actor,
  ): Promise<Feed | null> {
    const { rows } = await this.db.query<FeedRow>(
      `WITH upd AS (
         UPDATE feed SET allowed_indicators = $2::text[], allowed_units = $3::text[] WHERE code = $1
         RETURNING ${COLUMNS}),
       ${auditCte('feed.update_scope', 'upd', 4)}
       SELECT ${COLUMNS} FROM upd`,
      [code, scope.allowedIndicators, scope.allowedUnits, actor.who, actor.why],
    );
    const row = rows[0];
    return row === undefined ? null : toFeed(row);
  }

  async list(options: { includeRevoked?: boolean } = {}): Promise<Feed[]> {
    const { rows } = await this.db.query<FeedRow>(
      `SELECT ${COLUMNS} FROM feed WHERE $1::boolean OR revoked_at IS NULL ORDER BY code`,
      [options.includeRevoked ?? false],
    );
    return rows.map(toFeed);
  }

  async get(code: string): Promise<Feed | null> {
    const { rows } = await this.db.query<FeedRow>(`SELECT ${COLUMNS} FROM feed WHERE code = $1`, [
      code,
    ]);
    const row = rows[0];
    return row === undefined ? null : toFeed(row);
  }

  /**
   * The feed a key opens, or null (unknown feed, revoked feed, wrong key — indistinguishable to
   * the caller on purpose). The hash comparison is constant-time.
   */
  async verifyKey(code: string, key: string): Promise<Feed | null> {
    const { rows } = await this.db.query<FeedRow & { key_hash: string }>(
      `SELECT ${COLUMNS}, key_hash FROM feed WHERE code = $1 AND revoked_at IS NULL`,
      [code],
    );
    const row = rows[0];
    return row !== undefined && sameHash(key, row.key_hash) ? toFeed(row) : null;
  }
}
