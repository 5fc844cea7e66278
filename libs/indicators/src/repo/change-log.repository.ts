import type { Queryable } from '@ioc/db';
import { toDate, toNumber } from './sql';

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

/** Who changed which indicator or target, when and why (indicator_change_log). */
export class ChangeLogRepository {
  constructor(private readonly db: Queryable) {}

  async list(
    filter: { entity?: ChangeLogEntry['entity']; entityKey?: string; limit?: number } = {},
  ): Promise<ChangeLogEntry[]> {
    const { rows } = await this.db.query<{
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
}
