import { withTransaction, type Pool, type Queryable } from '@ioc/db';
import { FleetRepository } from '../fleet/fleet.repository';
import { NotificationRepository } from '../notifications/notification.repository';
import { AlertRepository } from './alert.repository';
import { RuleRepository } from './rule.repository';

/**
 * The repositories one alert change writes through, all over the same transaction's client, so
 * the alert, its audit rows, its rule states and its queued notifications commit together (or
 * not at all). Cheap to construct: one per transaction.
 */
export class AlertTransaction {
  readonly alerts: AlertRepository;
  readonly rules: RuleRepository;
  readonly notifications: NotificationRepository;
  readonly fleet: FleetRepository;

  constructor(private readonly db: Queryable) {
    this.alerts = new AlertRepository(db);
    this.rules = new RuleRepository(db);
    this.notifications = new NotificationRepository(db);
    this.fleet = new FleetRepository(db);
  }

  /**
   * A transaction-scoped advisory lock, not waited for: false when another replica holds it, so
   * one replica at a time runs each timer's pass.
   */
  async tryLock(key: number): Promise<boolean> {
    const { rows } = await this.db.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_xact_lock($1) AS ok',
      [key],
    );
    return rows[0]?.ok === true;
  }
}

/** Runs `fn` in one transaction over the pool. */
export function inAlertTransaction<T>(
  pool: Pool,
  fn: (tx: AlertTransaction) => Promise<T>,
): Promise<T> {
  return withTransaction(pool, (client) => fn(new AlertTransaction(client)));
}

/**
 * As `inAlertTransaction`, retried once when PostgreSQL picks it as a deadlock or serialisation
 * victim: evaluators on two replicas may touch the same rule states.
 */
export async function inRetriedAlertTransaction<T>(
  pool: Pool,
  fn: (tx: AlertTransaction) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inAlertTransaction(pool, fn);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt < 2 && (code === '40P01' || code === '40001')) continue;
      throw err;
    }
  }
}
