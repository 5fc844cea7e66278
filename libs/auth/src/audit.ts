import type { Queryable } from '@ioc/db';
import type { AuditEvent, AuditSink } from '@ioc/contracts';
import { AuditRepository, type AuditFilter, type AuditRecord } from './audit.repository';
import { csvLine } from './csv';
import type { AuditActor } from './model';

export type { AuditEvent } from '@ioc/contracts';

const CSV_HEADER = [
  'id',
  'at',
  'actor',
  'actor_kind',
  'actor_name',
  'action',
  'target_kind',
  'target_id',
  'unit_code',
  'ip',
  'detail',
];

/**
 * The audit trail: who (actor, display name), when, what (action on a target), where (unit,
 * client address). Writers await the insert, so an action that returns success has its row.
 * Detail must never carry secrets (tokens, passwords); callers pass identifiers only.
 */
export class AuditLog implements AuditSink<AuditActor> {
  private readonly repo: AuditRepository;

  constructor(db: Queryable) {
    this.repo = new AuditRepository(db);
  }

  async record(who: AuditActor, event: AuditEvent): Promise<void> {
    await this.repo.insert({
      actor: who.actor,
      actorKind: who.actorKind,
      action: event.action,
      targetKind: event.targetKind,
      targetId: event.targetId ?? null,
      unitCode: event.unitCode ?? null,
      ip: who.ip,
      detail:
        who.displayName !== who.actor
          ? { actorName: who.displayName, ...event.detail }
          : (event.detail ?? {}),
    });
  }

  query(filter: AuditFilter): Promise<AuditRecord[]> {
    return this.repo.query(filter);
  }

  /** CSV export, newest first, paged internally so a large export never holds one huge result. */
  async *csv(
    filter: Omit<AuditFilter, 'limit' | 'beforeId'>,
    maxRows: number,
  ): AsyncGenerator<string> {
    yield csvLine(CSV_HEADER);
    let beforeId: number | undefined;
    let left = maxRows;
    while (left > 0) {
      const page = await this.repo.query({
        ...filter,
        limit: Math.min(1000, left),
        ...(beforeId !== undefined ? { beforeId } : {}),
      });
      if (page.length === 0) return;
      let chunk = '';
      for (const r of page) {
        const { actorName, ...rest } = r.detail;
        chunk += csvLine([
          r.id,
          r.at,
          r.actor,
          r.actorKind,
          typeof actorName === 'string' ? actorName : r.actor,
          r.action,
          r.targetKind,
          r.targetId,
          r.unitCode,
          r.ip,
          rest,
        ]);
      }
      yield chunk;
      left -= page.length;
      beforeId = page[page.length - 1]?.id;
    }
  }
}

export type { AuditFilter, AuditRecord } from './audit.repository';
