import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMigratedPglite, type DisposableDb } from '@ioc/db';
import type { AlertView } from '../alerts/alert-view';
import { webhookReceiver } from '../testing/webhook-receiver';
import { NotificationRepository } from './notification.repository';
import { Notifier, notificationFor, type NotifierOptions } from './notifier.service';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
// A day ago: every retry the notifier schedules from this clock is already due in the database.
const CLOCK = Date.now() - 86_400_000;

describe('notificationFor', () => {
  const alert = { id: 'a-1', status: 'open', severity: 'critical' } as AlertView;

  it('asks for nothing when the rule has no webhook', () => {
    expect(
      notificationFor(alert, 'alert.opened', { id: 'r', name: 'PM2.5', webhookUrl: null }),
    ).toBeNull();
  });

  it('asks for one webhook call carrying the event, the rule and the alert as it is now', () => {
    const n = notificationFor(alert, 'alert.escalated', {
      id: 'r-1',
      name: 'PM2.5 cao',
      webhookUrl: 'https://ops.example/hook',
    });
    expect(n).toMatchObject({
      alertId: 'a-1',
      channel: 'webhook',
      target: 'https://ops.example/hook',
      event: 'alert.escalated',
      payload: { event: 'alert.escalated', rule: { id: 'r-1', name: 'PM2.5 cao' }, alert },
    });
  });
});

describe('Notifier', () => {
  let db: DisposableDb;
  let hook: Awaited<ReturnType<typeof webhookReceiver>>;
  let alertId = '';
  beforeAll(async () => {
    db = await createMigratedPglite();
    hook = await webhookReceiver();
    await db.query(
      "INSERT INTO alert_rule (id, name, kind, webhook_url) VALUES ('r-1', 'PM2.5 cao', 'threshold', $1)",
      [`${hook.base}/hook`],
    );
  }, 120_000);
  afterAll(async () => {
    await hook.close();
    await db.close();
  });
  beforeEach(async () => {
    hook.received.length = 0;
    hook.state.statuses = [];
    await db.query('DELETE FROM notification_attempt');
    // One active alert per rule and device: each test's alert is on a device of its own.
    const { rows } = await db.query<{ id: string }>(
      "INSERT INTO alert (rule_id, device_id, severity, message) VALUES ('r-1', gen_random_uuid()::text, 'critical', 'PM2.5 = 180') RETURNING id",
    );
    alertId = rows[0]?.id ?? '';
  });

  const notifier = (options: Partial<NotifierOptions> = {}) =>
    new Notifier(
      db,
      quiet,
      { backoffBaseMs: 60_000, backoffMaxMs: 3_600_000, maxAttempts: 3, tickMs: 1000, ...options },
      () => CLOCK,
    );
  const queue = (channel = 'webhook') =>
    new NotificationRepository(db).enqueue({
      alertId,
      channel,
      target: `${hook.base}/hook`,
      event: 'alert.opened',
      payload: { event: 'alert.opened', alert: { id: alertId } },
    });
  const deliver = async (n: Notifier) => {
    n.kick();
    await n.idle();
  };

  it('delivers a queued notification once, saying which alert, delivery and attempt it is', async () => {
    await queue();
    const n = notifier();
    await deliver(n);
    await deliver(n);
    expect(hook.received).toHaveLength(1);
    const [attempt] = await n.history(alertId);
    expect(hook.received[0]).toMatchObject({
      headers: {
        'x-ioc-event': 'alert.opened',
        'x-ioc-delivery': `${alertId}:${String(attempt?.id)}`,
        'x-ioc-attempt': '1',
      },
      body: { event: 'alert.opened', alert: { id: alertId } },
    });
    expect(await n.history(alertId)).toEqual([
      expect.objectContaining({ attempt: 1, status: 'sent', error: null, nextAt: null }),
    ]);
  });

  it('retries a failed delivery after a growing backoff, each try its own row, then gives up', async () => {
    hook.state.statuses = [500, 502, 503];
    await queue();
    const n = notifier();
    await deliver(n);
    expect(await n.history(alertId)).toEqual([
      expect.objectContaining({
        attempt: 1,
        status: 'failed',
        error: 'HTTP 500',
        nextAt: new Date(CLOCK + 60_000),
      }),
    ]);
    await deliver(n);
    expect((await n.history(alertId))[1]).toMatchObject({
      attempt: 2,
      error: 'HTTP 502',
      nextAt: new Date(CLOCK + 120_000),
    });
    await deliver(n);
    const history = await n.history(alertId);
    expect(history.map((h) => [h.attempt, h.status, h.error, h.nextAt])).toEqual([
      [1, 'failed', 'HTTP 500', null],
      [2, 'failed', 'HTTP 502', null],
      [3, 'gave_up', 'HTTP 503', null],
    ]);
    // Given up: no further try, however often the loop runs.
    await deliver(n);
    expect(hook.received.map((r) => r.headers['x-ioc-attempt'])).toEqual(['1', '2', '3']);
  });

  it('stops retrying once a retry is delivered', async () => {
    hook.state.statuses = [500];
    await queue();
    const n = notifier();
    await deliver(n);
    await deliver(n);
    await deliver(n);
    expect((await n.history(alertId)).map((h) => [h.attempt, h.status])).toEqual([
      [1, 'failed'],
      [2, 'sent'],
    ]);
    expect(hook.received).toHaveLength(2);
  });

  it('never delivers one notification twice when two replicas look at once', async () => {
    await queue();
    const a = notifier();
    const b = notifier();
    a.kick();
    b.kick();
    await Promise.all([a.idle(), b.idle()]);
    expect(hook.received).toHaveLength(1);
  });

  it('gives up at once on a channel it cannot deliver, without calling anyone', async () => {
    await queue('email');
    const n = notifier();
    await deliver(n);
    expect(hook.received).toEqual([]);
    expect(await n.history(alertId)).toEqual([
      expect.objectContaining({
        status: 'gave_up',
        error: 'channel email is not supported (no SMTP_URL)',
        nextAt: null,
      }),
    ]);
  });

  it('delivers nothing once stopped', async () => {
    await queue();
    const n = notifier();
    n.stop();
    await deliver(n);
    expect(hook.received).toEqual([]);
  });
});
