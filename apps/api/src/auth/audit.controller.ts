import { Readable } from 'node:stream';
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditFilter, AuditRecord } from '@ioc/auth';
import { auditQuerySchema, parseInput } from '@ioc/contracts';
import { Access } from './access.decorators';
import { auditActor } from './principal';
import { AuditLog } from '@ioc/auth';

// A bound on one export: the trail can be exported period by period beyond that.
const CSV_MAX_ROWS = 100_000;

/** The audit trail for administrators: a paginated JSON query and a CSV export. */
@Controller('api/v1')
@Access({ action: 'admin' })
export class AuditController {
  constructor(@Inject(AuditLog) private readonly audit: AuditLog) {}

  /** Newest first; `before` = the last id of the previous page. */
  @Get('audit')
  async list(
    @Query() query: unknown,
  ): Promise<{ asOf: string; items: AuditRecord[]; next: number | null }> {
    const q = parseInput(auditQuerySchema, query);
    const items = await this.audit.query({
      ...filterOf(q),
      limit: q.limit,
      ...(q.before ? { beforeId: q.before } : {}),
    });
    return {
      asOf: new Date().toISOString(),
      items,
      next: items.length === q.limit ? (items[items.length - 1]?.id ?? null) : null,
    };
  }

  /** CSV (UTF-8 with BOM for spreadsheet apps); formula-looking cells are neutralised. */
  @Get('audit.csv')
  async csv(
    @Req() req: FastifyRequest,
    @Query() query: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const q = parseInput(auditQuerySchema, query);
    const filter = filterOf(q);
    // Exporting the trail is itself a consequential act.
    await this.audit.record(auditActor(req), {
      action: 'audit.export',
      targetKind: 'audit_log',
      detail: { filter: q },
    });
    const rows = this.audit.csv(filter, CSV_MAX_ROWS);
    // Streamed page by page, so a large export does not sit in memory whole.
    const body = Readable.from(
      (async function* () {
        yield '\uFEFF';
        yield* rows;
      })(),
    );
    void reply
      .header('cache-control', 'no-store')
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      )
      .send(body);
  }
}

function filterOf(q: {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  unit?: string;
}): Omit<AuditFilter, 'limit'> {
  return {
    ...(q.from ? { from: new Date(q.from) } : {}),
    ...(q.to ? { to: new Date(q.to) } : {}),
    ...(q.actor ? { actor: q.actor } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.unit ? { unitCode: q.unit } : {}),
  };
}
