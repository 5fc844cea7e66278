import type { Queryable } from '@ioc/db';

export type ReminderKind = 'reminder' | 'late';
export type ReminderChannel = 'email' | 'webhook';

export interface ReminderKey {
  periodId: string;
  kind: ReminderKind;
  daysBefore: number;
  channel: ReminderChannel;
  target: string;
}

export interface StoredReminder extends ReminderKey {
  id: string;
  status: 'pending' | 'sent' | 'failed';
  error: string | null;
  at: Date;
}

/** `report_reminder`: the claim on each reminder (UNIQUE), then its outcome. */
export class ReminderRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Claims a reminder: the id when this call inserted the row (the caller sends), null when it
   * was already claimed by an earlier tick or another process.
   */
  async claim(k: ReminderKey, at: Date): Promise<string | null> {
    const { rows } = await this.db.query<{ id: unknown }>(
      `INSERT INTO report_reminder (period_id, kind, days_before, channel, target, at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
      [k.periodId, k.kind, k.daysBefore, k.channel, k.target, at],
    );
    return rows[0] === undefined ? null : String(rows[0].id);
  }

  async settle(id: string, error: string | null): Promise<void> {
    await this.db.query(`UPDATE report_reminder SET status = $2, error = $3 WHERE id = $1`, [
      id,
      error === null ? 'sent' : 'failed',
      error,
    ]);
  }

  async ofPeriod(periodId: string): Promise<StoredReminder[]> {
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT id, period_id, kind, days_before, channel, target, status, error, at
       FROM report_reminder WHERE period_id = $1 ORDER BY at, id`,
      [periodId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      periodId: String(r.period_id),
      kind: r.kind as ReminderKind,
      daysBefore: Number(r.days_before),
      channel: r.channel as ReminderChannel,
      target: String(r.target),
      status: r.status as StoredReminder['status'],
      error: typeof r.error === 'string' ? r.error : null,
      at: new Date(r.at as string),
    }));
  }
}
