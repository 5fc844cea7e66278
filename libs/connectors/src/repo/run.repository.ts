import type { ConnectorLiveness, ConnectorRunView } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';

export interface PageTally {
  pages: number;
  recordsIn: number;
  recordsUpserted: number;
  recordsRejected: number;
  watermarkTo: string | null;
}

export interface DeadLetterInput {
  reason: string;
  detail: string | null;
  record: string | null;
}

const RECORD_EXCERPT = 2_000;

function toRun(r: Record<string, unknown>): ConnectorRunView {
  const time = (v: unknown) => (v === null ? null : new Date(v as string).toISOString());
  return {
    id: String(r.id),
    connectorId: String(r.connector_id),
    trigger: r.trigger as ConnectorRunView['trigger'],
    startedAt: new Date(r.started_at as string).toISOString(),
    finishedAt: time(r.finished_at),
    status: r.status as ConnectorRunView['status'],
    pages: Number(r.pages),
    recordsIn: Number(r.records_in),
    recordsUpserted: Number(r.records_upserted),
    recordsRejected: Number(r.records_rejected),
    watermarkFrom: (r.watermark_from as string | null) ?? null,
    watermarkTo: (r.watermark_to as string | null) ?? null,
    lagSeconds: r.lag_seconds === null ? null : Number(r.lag_seconds),
    fieldsAdded: (r.fields_added as string[] | null) ?? [],
    fieldsRemoved: (r.fields_removed as string[] | null) ?? [],
    error: (r.error as string | null) ?? null,
  };
}

/** `connector_run` and `connector_dead_letter`. */
export class RunRepository {
  constructor(private readonly db: Queryable) {}

  async start(
    connectorId: string,
    trigger: 'schedule' | 'manual',
    watermarkFrom: string | null,
    at: Date,
  ): Promise<string> {
    const { rows } = await this.db.query<{ id: unknown }>(
      `INSERT INTO connector_run (connector_id, trigger, started_at, status, watermark_from, watermark_to)
       VALUES ($1, $2, $3, 'running', $4, $4) RETURNING id`,
      [connectorId, trigger, at, watermarkFrom],
    );
    return String(rows[0]?.id);
  }

  /** Adds one committed page to the run's tallies (in the page's transaction). */
  async addPage(runId: string, t: PageTally): Promise<void> {
    await this.db.query(
      `UPDATE connector_run SET pages = pages + $2, records_in = records_in + $3,
         records_upserted = records_upserted + $4, records_rejected = records_rejected + $5,
         watermark_to = $6 WHERE id = $1`,
      [runId, t.pages, t.recordsIn, t.recordsUpserted, t.recordsRejected, t.watermarkTo],
    );
  }

  async deadLetters(
    runId: string,
    connectorId: string,
    items: readonly DeadLetterInput[],
    at: Date,
  ): Promise<void> {
    if (items.length === 0) return;
    await this.db.query(
      `INSERT INTO connector_dead_letter (run_id, connector_id, reason, detail, record, at)
       SELECT $1, $2, x.reason, x.detail, x.record, $3
       FROM unnest($4::text[], $5::text[], $6::text[]) AS x(reason, detail, record)`,
      [
        runId,
        connectorId,
        at,
        items.map((d) => d.reason),
        items.map((d) => d.detail?.slice(0, 1_000) ?? null),
        items.map((d) => d.record?.slice(0, RECORD_EXCERPT) ?? null),
      ],
    );
  }

  async finish(
    runId: string,
    outcome: {
      status: 'succeeded' | 'failed';
      error: string | null;
      lagSeconds: number | null;
      fieldsAdded: string[];
      fieldsRemoved: string[];
    },
    at: Date,
  ): Promise<void> {
    await this.db.query(
      `UPDATE connector_run SET status = $2, error = $3, lag_seconds = $4, fields_added = $5,
         fields_removed = $6, finished_at = $7 WHERE id = $1`,
      [
        runId,
        outcome.status,
        outcome.error,
        outcome.lagSeconds,
        outcome.fieldsAdded,
        outcome.fieldsRemoved,
        at,
      ],
    );
  }

  async get(runId: string): Promise<ConnectorRunView | null> {
    const { rows } = await this.db.query(`SELECT * FROM connector_run WHERE id = $1`, [runId]);
    return rows[0] === undefined ? null : toRun(rows[0]);
  }

  async list(connectorId: string, limit: number): Promise<ConnectorRunView[]> {
    const { rows } = await this.db.query(
      `SELECT * FROM connector_run WHERE connector_id = $1 ORDER BY started_at DESC, id DESC LIMIT $2`,
      [connectorId, limit],
    );
    return rows.map(toRun);
  }

  async deadLettersOf(connectorId: string, limit: number) {
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT run_id, reason, detail, record, at FROM connector_dead_letter
       WHERE connector_id = $1 ORDER BY id DESC LIMIT $2`,
      [connectorId, limit],
    );
    return rows.map((r) => ({
      runId: String(r.run_id),
      reason: String(r.reason),
      detail: (r.detail as string | null) ?? null,
      record: (r.record as string | null) ?? null,
      at: new Date(r.at as string).toISOString(),
    }));
  }

  /** Per connector: its last run, its last successful one and the drift the last run saw. */
  async liveness(): Promise<ConnectorLiveness[]> {
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT c.id, c.name, c.department, c.paused,
              l.started_at AS last_run_at, l.status AS last_status, l.error AS last_error,
              l.fields_added, l.fields_removed,
              s.finished_at AS last_success_at, s.records_in, s.records_rejected, s.lag_seconds
       FROM connector c
       LEFT JOIN LATERAL (SELECT * FROM connector_run r WHERE r.connector_id = c.id
                          ORDER BY r.started_at DESC, r.id DESC LIMIT 1) l ON true
       LEFT JOIN LATERAL (SELECT * FROM connector_run r WHERE r.connector_id = c.id
                          AND r.status = 'succeeded' ORDER BY r.started_at DESC, r.id DESC LIMIT 1) s ON true
       ORDER BY c.id`,
    );
    const time = (v: unknown) =>
      v === null || v === undefined ? null : new Date(v as string).toISOString();
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      department: String(r.department),
      paused: r.paused === true,
      lastRunAt: time(r.last_run_at),
      lastStatus: (r.last_status as ConnectorLiveness['lastStatus'] | null) ?? null,
      lastSuccessAt: time(r.last_success_at),
      lastError: (r.last_error as string | null) ?? null,
      recordsIn: Number(r.records_in ?? 0),
      recordsRejected: Number(r.records_rejected ?? 0),
      lagSeconds:
        r.lag_seconds === null || r.lag_seconds === undefined ? null : Number(r.lag_seconds),
      fieldsAdded: (r.fields_added as string[] | null) ?? [],
      fieldsRemoved: (r.fields_removed as string[] | null) ?? [],
    }));
  }
}
