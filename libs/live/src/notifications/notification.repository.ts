import type { Queryable } from '@ioc/db';

export type AttemptStatus = 'pending' | 'sent' | 'failed' | 'gave_up';

export interface NotificationAttempt {
  id: number;
  alertId: string;
  channel: string;
  target: string;
  attempt: number;
  status: AttemptStatus;
  error: string | null;
  at: Date;
  nextAt: Date | null;
  event: string | null;
  payload: unknown;
}

interface AttemptRow {
  id: number;
  alert_id: string;
  channel: string;
  target: string;
  attempt: number;
  status: AttemptStatus;
  error: string | null;
  at: Date;
  next_at: Date | null;
  event: string | null;
  payload: unknown;
}

const COLUMNS =
  'id, alert_id, channel, target, attempt, status, error, at, next_at, event, payload';

function fromRow(r: AttemptRow): NotificationAttempt {
  return {
    id: r.id,
    alertId: r.alert_id,
    channel: r.channel,
    target: r.target,
    attempt: r.attempt,
    status: r.status,
    error: r.error,
    at: r.at,
    nextAt: r.next_at,
    event: r.event,
    payload: r.payload,
  };
}

/** A notification to queue: its first attempt is due at once, or at `dueAt` (quiet hours). */
export interface NewNotification {
  alertId: string;
  channel: string;
  target: string;
  event: string;
  payload: unknown;
  dueAt?: Date;
}

export interface AttemptOutcome {
  ok: boolean;
  error: string | null;
  /** When to retry after a failure; null = give up. */
  retryAt: Date | null;
}

/**
 * notification_attempt: one row per delivery attempt. A new notification is a `pending` row due
 * now; a failed attempt keeps `next_at` for the retry, which is recorded as a new row
 * (attempt + 1) while the failed one's next_at is cleared — so the table reads as the history
 * of every try, failures included.
 */
export class NotificationRepository {
  constructor(private readonly db: Queryable) {}

  async enqueue(n: NewNotification): Promise<void> {
    await this.db.query(
      `INSERT INTO notification_attempt (alert_id, channel, target, attempt, status, next_at, event, payload)
       VALUES ($1, $2, $3, 1, 'pending', coalesce($6, now()), $4, $5)`,
      [n.alertId, n.channel, n.target, n.event, JSON.stringify(n.payload), n.dueAt ?? null],
    );
  }

  /**
   * Claims due attempts for this process by pushing their next_at a lease ahead (a crashed
   * sender's claims come back after the lease); SKIP LOCKED lets replicas claim in parallel.
   */
  async claimDue(limit: number, leaseMs: number): Promise<NotificationAttempt[]> {
    const { rows } = await this.db.query<AttemptRow>(
      `UPDATE notification_attempt SET next_at = now() + ($2::double precision * interval '1 millisecond')
       WHERE id IN (
         SELECT id FROM notification_attempt
         WHERE status IN ('pending', 'failed') AND next_at <= now()
         ORDER BY next_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
      [limit, leaseMs],
    );
    return rows.map(fromRow);
  }

  /** Records the outcome of delivering a claimed row. */
  async record(claimed: NotificationAttempt, outcome: AttemptOutcome): Promise<void> {
    const status: AttemptStatus = outcome.ok ? 'sent' : outcome.retryAt ? 'failed' : 'gave_up';
    if (claimed.status === 'pending') {
      await this.db.query(
        'UPDATE notification_attempt SET status = $2, error = $3, at = now(), next_at = $4 WHERE id = $1',
        [claimed.id, status, outcome.error, outcome.retryAt],
      );
      return;
    }
    // One statement: the retry is recorded and the failed row released together.
    await this.db.query(
      `WITH released AS (UPDATE notification_attempt SET next_at = NULL WHERE id = $10)
       INSERT INTO notification_attempt (alert_id, channel, target, attempt, status, error, next_at, event, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        claimed.alertId,
        claimed.channel,
        claimed.target,
        claimed.attempt + 1,
        status,
        outcome.error,
        outcome.retryAt,
        claimed.event,
        JSON.stringify(claimed.payload),
        claimed.id,
      ],
    );
  }

  async forAlert(alertId: string): Promise<NotificationAttempt[]> {
    const { rows } = await this.db.query<AttemptRow>(
      `SELECT ${COLUMNS} FROM notification_attempt WHERE alert_id = $1 ORDER BY id`,
      [alertId],
    );
    return rows.map(fromRow);
  }
}
