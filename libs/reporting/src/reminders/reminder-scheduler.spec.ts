import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestDb,
  fakeIndicators,
  fakeTasks,
  fakeUnits,
  indicator,
  recordingAudit,
  resetReporting,
  testClock,
  type TestDb,
} from '../testing/fakes';
import { ReminderRepository } from '../repo/reminder.repository';
import { ReportingService } from '../services/reporting.service';
import { ScheduleService } from '../services/schedule.service';
import type { ReminderMessage } from './messages';
import { ReminderScheduler, dueReminder, type ReminderChannels } from './reminder-scheduler';

describe('dueReminder', () => {
  const p = { dueDate: '2026-12-15', remindDays: [5, 1] };
  it('names the nearest reminder day that has passed, and the late notice after the due day', () => {
    expect(dueReminder(p, '2026-12-09')).toBeNull();
    expect(dueReminder(p, '2026-12-10')).toEqual({ kind: 'reminder', daysBefore: 5 });
    expect(dueReminder(p, '2026-12-12')).toEqual({ kind: 'reminder', daysBefore: 5 });
    expect(dueReminder(p, '2026-12-14')).toEqual({ kind: 'reminder', daysBefore: 1 });
    expect(dueReminder(p, '2026-12-15')).toEqual({ kind: 'reminder', daysBefore: 1 });
    expect(dueReminder(p, '2026-12-16')).toEqual({ kind: 'late', daysBefore: -1 });
  });
});

describe('ReminderScheduler', () => {
  let db: TestDb;
  const clock = testClock('2026-12-09T02:00:00Z');
  let sent: { channel: string; target: string; message: ReminderMessage }[];
  let scheduler: ReminderScheduler;
  let reporting: ReportingService<string>;

  // Applying every migration to a fresh PGlite takes seconds on a busy machine.
  beforeAll(async () => {
    db = await createTestDb();
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  beforeEach(async () => {
    await resetReporting(db);
    sent = [];
    const channels: ReminderChannels = {
      email: {
        send: (target, message) => {
          sent.push({ channel: 'email', target, message });
          return Promise.resolve({ ok: true, error: null });
        },
      },
      webhook: {
        post: (target, message) => {
          sent.push({ channel: 'webhook', target, message });
          return Promise.resolve({ ok: false, error: 'HTTP 500' });
        },
      },
    };
    const units = fakeUnits();
    const owed = new Map([['20314', [indicator('dx.a', false)]]]);
    reporting = new ReportingService(db, {
      units,
      indicators: fakeIndicators(owed),
      tasks: fakeTasks(),
      audit: recordingAudit(),
      clock: clock.now,
    });
    const schedules = new ScheduleService(db, units, recordingAudit());
    await schedules.create(
      { unitCode: '20314', emails: ['vhxh@haichau.gov.vn'], webhookUrl: 'http://hook.test/r' },
      'admin',
    );
    await schedules.create({ unitCode: '20275', emails: ['ubnd@thanhkhe.gov.vn'] }, 'admin');
    scheduler = new ReminderScheduler(db, reporting, channels, clock.now);
  });

  async function tickOn(day: string) {
    clock.set(`${day}T02:00:00Z`);
    const r = await scheduler.tick();
    const got = sent.map((s) => [s.channel, s.target, s.message.kind, s.message.payload.daysLeft]);
    sent = [];
    return { ...r, got };
  }

  it('reminds 5 and 1 days before, sends a late notice after, each once, never after submitting', async () => {
    expect((await tickOn('2026-12-09')).got).toEqual([]);
    const first = await tickOn('2026-12-10');
    expect(first.got).toEqual([
      ['email', 'ubnd@thanhkhe.gov.vn', 'reminder', 5],
      ['email', 'vhxh@haichau.gov.vn', 'reminder', 5],
      ['webhook', 'http://hook.test/r', 'reminder', 5],
    ]);
    expect([first.sent, first.failed]).toEqual([2, 1]);
    expect((await tickOn('2026-12-10')).got).toEqual([]);
    expect((await tickOn('2026-12-12')).got).toEqual([]);
    // Thanh Khê submits before the last reminder: it hears nothing more.
    const tk = (await reporting.listPeriods({ unit: '20275' })).items[0]!;
    await reporting.act(tk.id, 'submit', {}, { username: 'op', reviewsOnlyAsCompiler: true }, 'op');
    expect((await tickOn('2026-12-14')).got).toEqual([
      ['email', 'vhxh@haichau.gov.vn', 'reminder', 1],
      ['webhook', 'http://hook.test/r', 'reminder', 1],
    ]);
    expect((await tickOn('2026-12-15')).got).toEqual([]);
    expect((await tickOn('2026-12-16')).got).toEqual([
      ['email', 'vhxh@haichau.gov.vn', 'late', -1],
      ['webhook', 'http://hook.test/r', 'late', -1],
    ]);
    expect((await tickOn('2026-12-17')).got).toEqual([]);
    const hc = (await reporting.listPeriods({ unit: '20314' })).items[0]!;
    const rows = await new ReminderRepository(db).ofPeriod(hc.id);
    expect(rows.map((r) => [r.kind, r.daysBefore, r.channel, r.status])).toEqual([
      ['reminder', 5, 'email', 'sent'],
      ['reminder', 5, 'webhook', 'failed'],
      ['reminder', 1, 'email', 'sent'],
      ['reminder', 1, 'webhook', 'failed'],
      ['late', -1, 'email', 'sent'],
      ['late', -1, 'webhook', 'failed'],
    ]);
  });

  it('writes the reminder in Vietnamese, naming the unit, the period and what is missing', async () => {
    clock.set('2026-12-10T02:00:00Z');
    await scheduler.tick();
    const mail = sent.find((s) => s.target === 'vhxh@haichau.gov.vn')!.message;
    expect(mail.subject).toBe(
      '[IOC] Nhắc báo cáo tháng 11/2026 — Phường Hải Châu: hạn 15/12/2026, còn 5 ngày',
    );
    expect(mail.text).toContain('- dx.a: Chỉ tiêu dx.a');
    expect(mail.payload).toMatchObject({
      type: 'report_reminder',
      unitCode: '20314',
      period: '2026-11',
    });
  });

  it('sends each reminder once even when two schedulers tick together', async () => {
    const twin = new ReminderScheduler(
      db,
      reporting,
      {
        email: {
          send: (target, message) => (
            sent.push({ channel: 'email', target, message }),
            Promise.resolve({ ok: true, error: null })
          ),
        },
        webhook: { post: () => Promise.resolve({ ok: true, error: null }) },
      },
      clock.now,
    );
    clock.set('2026-12-10T02:00:00Z');
    await Promise.all([scheduler.tick(), twin.tick()]);
    expect(
      sent
        .filter((s) => s.channel === 'email')
        .map((s) => s.target)
        .sort(),
    ).toEqual(['ubnd@thanhkhe.gov.vn', 'vhxh@haichau.gov.vn']);
  });
});
