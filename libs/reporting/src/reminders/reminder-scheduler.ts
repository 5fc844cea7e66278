import type { Queryable } from '@ioc/db';
import { addDays, daysBetween, vnDay } from '../period/periods';
import { PeriodRepository, type StoredPeriod } from '../repo/period.repository';
import { ReminderRepository, type ReminderChannel } from '../repo/reminder.repository';
import type { ReportingService } from '../services/reporting.service';
import { reminderMessage, type ReminderKind, type ReminderMessage } from './messages';

/** Outcome of one delivery. */
export interface Delivery {
  ok: boolean;
  error: string | null;
}

/** Where reminders go: e-mail (absent when SMTP is not configured) and webhooks. */
export interface ReminderChannels {
  email: { send(to: string, message: ReminderMessage): Promise<Delivery> } | null;
  webhook: { post(url: string, message: ReminderMessage): Promise<Delivery> };
}

/** A late notice is sent after the due date: days_before −1 marks it. */
export const LATE_DAYS_BEFORE = -1;
// Late notices only for periods due within this many days: a first start never mails history.
const LATE_WINDOW_DAYS = 31;

export interface TickResult {
  sent: number;
  failed: number;
}

/**
 * Sends reminders `remind_days` before a period's due date and one late notice after it, to the
 * schedule's e-mails (and its office's) and its webhook. Each goes at most once per channel and
 * target: the report_reminder row is claimed (UNIQUE) before sending, so ticks of several API
 * processes never send twice. When a tick missed a reminder day, it sends only the nearest one
 * that has passed, never a burst of stale reminders.
 */
export class ReminderScheduler {
  private readonly periods: PeriodRepository;
  private readonly reminders: ReminderRepository;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickResult> | null = null;

  constructor(
    db: Queryable,
    private readonly reporting: Pick<ReportingService<unknown>, 'ensurePeriods' | 'getPeriod'>,
    private readonly channels: ReminderChannels,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.periods = new PeriodRepository(db);
    this.reminders = new ReminderRepository(db);
  }

  /** One pass; concurrent calls share the pass in progress. */
  tick(): Promise<TickResult> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  start(intervalMs: number, onError: (err: unknown) => void): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => {
      this.tick().catch(onError);
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private async pass(): Promise<TickResult> {
    const now = this.clock();
    const today = vnDay(now);
    await this.reporting.ensurePeriods(now);
    const outstanding = await this.periods.list({
      states: ['open', 'returned', 'reopened'],
      dueFrom: addDays(today, -LATE_WINDOW_DAYS),
    });
    const result = { sent: 0, failed: 0 };
    for (const p of outstanding) {
      const due = dueReminder(p, today);
      if (due === null) continue;
      await this.send(p, due.kind, due.daysBefore, daysBetween(today, p.dueDate), now, result);
    }
    return result;
  }

  private async send(
    p: StoredPeriod,
    kind: ReminderKind,
    daysBefore: number,
    daysLeft: number,
    now: Date,
    result: TickResult,
  ): Promise<void> {
    let message: ReminderMessage | null = null;
    const { email, webhook } = this.channels;
    for (const { channel, target } of targetsOf(p, email !== null)) {
      const id = await this.reminders.claim(
        { periodId: p.id, kind, daysBefore, channel, target },
        now,
      );
      if (id === null) continue;
      message ??= reminderMessage(kind, await this.reporting.getPeriod(p.id), daysLeft);
      const delivery =
        channel === 'email' && email !== null
          ? await email.send(target, message)
          : await webhook.post(target, message);
      await this.reminders.settle(id, delivery.ok ? null : (delivery.error ?? 'failed'));
      if (delivery.ok) result.sent++;
      else result.failed++;
    }
  }
}

/** Which reminder is due for a period today, if any (pure; the claim decides if it goes). */
export function dueReminder(
  p: Pick<StoredPeriod, 'dueDate' | 'remindDays'>,
  today: string,
): { kind: ReminderKind; daysBefore: number } | null {
  const left = daysBetween(today, p.dueDate);
  if (left < 0) return { kind: 'late', daysBefore: LATE_DAYS_BEFORE };
  const passed = p.remindDays.filter((d) => d >= left);
  if (passed.length === 0) return null;
  return { kind: 'reminder', daysBefore: Math.min(...passed) };
}

function targetsOf(
  p: StoredPeriod,
  withEmail: boolean,
): { channel: ReminderChannel; target: string }[] {
  const emails = withEmail
    ? [...new Set([...p.emails, ...(p.officeEmail === null ? [] : [p.officeEmail])])]
    : [];
  return [
    ...emails.map((target) => ({ channel: 'email' as const, target })),
    ...(p.webhookUrl === null ? [] : [{ channel: 'webhook' as const, target: p.webhookUrl }]),
  ];
}
