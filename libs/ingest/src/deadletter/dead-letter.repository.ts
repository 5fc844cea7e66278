import type { Queryable } from '@ioc/db';

export interface DeadLetter {
  reason: string;
  detail?: string;
  source: string;
  deviceId?: string | null;
  payload?: string | Buffer | null;
  receivedAt?: Date;
}

export interface DeadLetterRow {
  id: number;
  receivedAt: Date;
  reason: string;
  detail: string | null;
  source: string;
  deviceId: string | null;
  payload: string | null;
}

/** Raw payloads are kept as a bounded excerpt: enough to diagnose, never a way to fill the disk. */
export const PAYLOAD_EXCERPT_BYTES = 2048;

export function excerpt(payload: string | Buffer | null | undefined): string | null {
  if (payload === null || payload === undefined) return null;
  const buf = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const text = buf.subarray(0, PAYLOAD_EXCERPT_BYTES).toString('utf8').replaceAll('\u0000', '');
  return buf.length > PAYLOAD_EXCERPT_BYTES ? `${text}… (${buf.length} bytes)` : text;
}

export class DeadLetterRepository {
  constructor(private readonly db: Queryable) {}

  async insertMany(items: DeadLetter[]): Promise<void> {
    if (items.length === 0) return;
    await this.db.query(
      `INSERT INTO dead_letter (received_at, reason, detail, source, device_id, payload)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [
        items.map((i) => (i.receivedAt ?? new Date()).toISOString()),
        items.map((i) => i.reason),
        items.map((i) => i.detail ?? null),
        items.map((i) => i.source),
        items.map((i) => i.deviceId ?? null),
        items.map((i) => excerpt(i.payload)),
      ],
    );
  }

  async latest(limit: number, reason?: string): Promise<DeadLetterRow[]> {
    const { rows } = await this.db.query<{
      id: number;
      received_at: Date;
      reason: string;
      detail: string | null;
      source: string;
      device_id: string | null;
      payload: string | null;
    }>(
      `SELECT id, received_at, reason, detail, source, device_id, payload FROM dead_letter
       WHERE ($2::text IS NULL OR reason = $2) ORDER BY id DESC LIMIT $1`,
      [limit, reason ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      receivedAt: r.received_at,
      reason: r.reason,
      detail: r.detail,
      source: r.source,
      deviceId: r.device_id,
      payload: r.payload,
    }));
  }

  /** Bounds the table by age and row count; run periodically. */
  async prune(maxAgeDays: number, maxRows: number): Promise<number> {
    const a = await this.db.query(
      `DELETE FROM dead_letter WHERE received_at < now() - make_interval(days => $1)`,
      [maxAgeDays],
    );
    const b = await this.db.query(
      `DELETE FROM dead_letter WHERE id <= (SELECT id FROM dead_letter ORDER BY id DESC OFFSET $1 LIMIT 1)`,
      [maxRows],
    );
    return (a.rowCount ?? 0) + (b.rowCount ?? 0);
  }
}
