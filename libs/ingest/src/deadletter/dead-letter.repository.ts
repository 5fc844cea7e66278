import { isUtf8 } from 'node:buffer';
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

/**
 * Text PostgreSQL can store: U+0000 is the one character a `text` column refuses, and a client
 * may send it anywhere (a metric name, a device id). It is written as the six characters
 * `\u0000`, so the row still shows what arrived.
 */
export function storableText(text: string): string;
export function storableText(text: string | null | undefined): string | null;
export function storableText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\\u0000') : text;
}

/**
 * The payload excerpt as storable text: UTF-8 as is (NUL escaped); bytes that are not UTF-8 as
 * `base64:…`, so nothing of the excerpt is lost to replacement characters.
 */
export function excerpt(payload: string | Buffer | null | undefined): string | null {
  if (payload === null || payload === undefined) return null;
  const buf = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const head = buf.subarray(0, PAYLOAD_EXCERPT_BYTES);
  // A cut may split a multi-byte character: that alone does not make the excerpt binary.
  const text =
    isUtf8(head) || isUtf8(trimPartialChar(head))
      ? storableText(head.toString('utf8'))
      : `base64:${head.toString('base64')}`;
  return buf.length > PAYLOAD_EXCERPT_BYTES ? `${text}… (${buf.length} bytes)` : text;
}

function trimPartialChar(buf: Buffer): Buffer {
  let end = buf.length;
  // At most 3 continuation bytes (10xxxxxx) and their lead byte can be cut off.
  for (let i = 0; i < 4 && end > 0; i++) {
    const b = buf[end - 1] ?? 0;
    end--;
    if ((b & 0xc0) !== 0x80) break;
  }
  return buf.subarray(0, end);
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
        items.map((i) => storableText(i.reason)),
        items.map((i) => storableText(i.detail)),
        items.map((i) => storableText(i.source)),
        items.map((i) => storableText(i.deviceId)),
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
