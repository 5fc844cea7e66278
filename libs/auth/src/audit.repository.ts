import type { Queryable } from '@ioc/db';

export interface AuditEntry {
  actor: string;
  actorKind: 'user' | 'system' | 'machine';
  action: string;
  targetKind: string;
  targetId?: string | null;
  unitCode?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditRecord {
  id: number;
  at: Date;
  actor: string;
  actorKind: string;
  action: string;
  targetKind: string;
  targetId: string | null;
  unitCode: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  from?: Date;
  to?: Date;
  actor?: string;
  /** Exact action, or a prefix when it ends with `*` ("auth.*"). */
  action?: string;
  unitCode?: string;
  /** Keyset pagination: rows with a smaller id than this (newest first). */
  beforeId?: number;
  limit: number;
}

interface Row {
  id: number;
  at: Date;
  actor: string;
  actor_kind: string;
  action: string;
  target_kind: string;
  target_id: string | null;
  unit_code: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

/** audit_log is append-only (a trigger refuses UPDATE/DELETE); this repository only inserts and reads. */
export class AuditRepository {
  constructor(private readonly db: Queryable) {}

  async insert(e: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor, actor_kind, action, target_kind, target_id, unit_code, ip, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
      [
        e.actor.slice(0, 200),
        e.actorKind,
        e.action,
        e.targetKind,
        e.targetId ?? null,
        e.unitCode ?? null,
        e.ip ?? null,
        JSON.stringify(e.detail ?? {}),
      ],
    );
  }

  async query(f: AuditFilter): Promise<AuditRecord[]> {
    const prefix = f.action?.endsWith('*') ? f.action.slice(0, -1) : null;
    const { rows } = await this.db.query<Row>(
      `SELECT id, at, actor, actor_kind, action, target_kind, target_id, unit_code, ip, detail
         FROM audit_log
        WHERE ($1::timestamptz IS NULL OR at >= $1)
          AND ($2::timestamptz IS NULL OR at < $2)
          AND ($3::text IS NULL OR actor = $3)
          AND ($4::text IS NULL OR action = $4)
          AND ($5::text IS NULL OR starts_with(action, $5))
          AND ($6::text IS NULL OR unit_code = $6)
          AND ($7::bigint IS NULL OR id < $7)
        ORDER BY id DESC
        LIMIT $8`,
      [
        f.from ?? null,
        f.to ?? null,
        f.actor ?? null,
        prefix === null ? (f.action ?? null) : null,
        prefix,
        f.unitCode ?? null,
        f.beforeId ?? null,
        f.limit,
      ],
    );
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      actorKind: r.actor_kind,
      action: r.action,
      targetKind: r.target_kind,
      targetId: r.target_id,
      unitCode: r.unit_code,
      ip: r.ip,
      detail: r.detail,
    }));
  }
}
