import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DomainError } from '@ioc/contracts';
import {
  createTestDb,
  fakeIndicators,
  fakeTasks,
  fakeUnits,
  indicator,
  recordingAudit,
  resetReporting,
  testClock,
  type RecordingAudit,
  type TestDb,
} from '../testing/fakes';
import type { OwedIndicator, ReportChange } from '../ports';
import { ReportingService } from './reporting.service';
import { ScheduleService } from './schedule.service';

const operator = { username: 'op-hai-chau', reviewsOnlyAsCompiler: true };
const leader = { username: 'province-leader', reviewsOnlyAsCompiler: false };

async function failure(p: Promise<unknown>): Promise<DomainError> {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as DomainError,
  );
}

describe('ReportingService', () => {
  let db: TestDb;
  let audit: RecordingAudit;
  let owed: Map<string, OwedIndicator[]>;
  let changes: ReportChange[];
  const clock = testClock('2026-12-10T03:00:00Z');
  let reporting: ReportingService<string>;
  let schedules: ScheduleService<string>;

  // Applying every migration to a fresh PGlite takes seconds on a busy machine.
  beforeAll(async () => {
    db = await createTestDb();
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  beforeEach(async () => {
    await resetReporting(db);
    audit = recordingAudit();
    changes = [];
    owed = new Map([
      ['20314', [indicator('dx.a', true), indicator('dx.b', false)]],
      ['20275', [indicator('dx.a', false)]],
    ]);
    const units = fakeUnits();
    const tasks = fakeTasks(
      [
        {
          taskId: '7',
          code: 'KH20-01',
          titleVi: 'Số hoá hồ sơ',
          leadVi: 'UBND phường Hải Châu',
          leadUnitCode: '20314',
          dueDate: '2026-12-31',
          status: 'in_progress',
          progress: 40,
        },
      ],
      [{ taskId: '7', at: new Date('2026-11-20T02:00:00Z'), progress: 60, note: 'đã xong 60%' }],
    );
    reporting = new ReportingService(db, {
      units,
      indicators: fakeIndicators(owed),
      tasks,
      audit,
      clock: clock.now,
      onReportChanged: (c) => changes.push(c),
    });
    schedules = new ScheduleService(db, units, audit);
    clock.set('2026-12-10T03:00:00Z');
    await schedules.create({ unitCode: '20314' }, 'admin');
    await schedules.create({ unitCode: '20275' }, 'admin');
  });

  it('creates the reported period once per schedule with the due day 15 of the next month', async () => {
    expect(await reporting.ensurePeriods()).toBe(2);
    expect(await reporting.ensurePeriods()).toBe(0);
    const { items } = await reporting.listPeriods({ unit: '48' });
    expect(items.map((i) => [i.unitCode, i.period, i.dueDate, i.state, i.late])).toEqual([
      ['20275', '2026-11', '2026-12-15', 'open', false],
      ['20314', '2026-11', '2026-12-15', 'open', false],
    ]);
    const hc = items.find((i) => i.unitCode === '20314');
    expect(hc?.owed).toEqual({ indicators: 2, indicatorsReported: 1, tasks: 1, tasksUpdated: 1 });
  });

  it('lists a unit that has not submitted as late after the due day, late first on the matrix', async () => {
    const { items } = await reporting.listPeriods({ unit: '20314' });
    await reporting.act(items[0]!.id, 'submit', {}, operator, 'op-hai-chau');
    clock.set('2026-12-15T16:00:00Z'); // 23:00 on the 15th in Vietnam: still on time
    expect((await reporting.late({ unit: '48' })).items).toEqual([]);
    clock.set('2026-12-16T01:00:00Z');
    const late = await reporting.late({ unit: '48' });
    expect(late.items.map((i) => i.unitCode)).toEqual(['20275']);
    const matrix = await reporting.matrix({ unit: '48' });
    expect(matrix.period).toBe('2026-11');
    expect(matrix.rows.map((r) => [r.unitCode, r.late, r.state])).toEqual([
      ['20275', true, 'open'],
      ['20314', false, 'submitted'],
    ]);
    expect(matrix.rows[1]!.cells).toEqual([
      { kind: 'indicator', code: 'dx.a', label: 'Chỉ tiêu dx.a', done: true },
      { kind: 'indicator', code: 'dx.b', label: 'Chỉ tiêu dx.b', done: false },
      { kind: 'task', code: 'KH20-01', label: 'Số hoá hồ sơ', done: true },
    ]);
  });

  it('runs submit → return → submit → approve, locks, then reopens; every step recorded', async () => {
    const id = (await reporting.listPeriods({ unit: '20314' })).items[0]!.id;
    await reporting.act(id, 'submit', {}, operator, 'op-hai-chau');
    expect((await failure(reporting.act(id, 'return', {}, leader, 'leader'))).code).toBe(
      'REPORT_REASON_REQUIRED',
    );
    const returned = await reporting.act(
      id,
      'return',
      { reason: 'Thiếu số liệu dx.b' },
      leader,
      'leader',
    );
    expect(returned).toMatchObject({ state: 'returned', returnedReason: 'Thiếu số liệu dx.b' });
    await reporting.act(id, 'submit', {}, operator, 'op-hai-chau');
    const approved = await reporting.act(id, 'approve', {}, leader, 'leader');
    expect(approved).toMatchObject({ state: 'approved', approvedBy: 'province-leader' });
    for (const action of ['submit', 'return', 'approve'] as const) {
      const e = await failure(reporting.act(id, action, { reason: 'sửa lại' }, leader, 'leader'));
      expect([e.kind, e.code]).toEqual(['conflict', 'REPORT_LOCKED']);
    }
    await reporting.act(id, 'reopen', { reason: 'Sửa số liệu dx.a' }, leader, 'leader');
    const again = await reporting.act(id, 'submit', {}, operator, 'op-hai-chau');
    expect(again.state).toBe('submitted');
    expect(again.events.map((e) => [e.action, e.actor, e.reason])).toEqual([
      ['submit', 'op-hai-chau', null],
      ['return', 'province-leader', 'Thiếu số liệu dx.b'],
      ['submit', 'op-hai-chau', null],
      ['approve', 'province-leader', null],
      ['reopen', 'province-leader', 'Sửa số liệu dx.a'],
      ['submit', 'op-hai-chau', null],
    ]);
    const steps = audit.events.filter((e) => e.targetKind === 'report_period');
    expect(steps.map((e) => [e.action, e.actor])).toEqual([
      ['report.submit', 'op-hai-chau'],
      ['report.return', 'leader'],
      ['report.submit', 'op-hai-chau'],
      ['report.approve', 'leader'],
      ['report.reopen', 'leader'],
      ['report.submit', 'op-hai-chau'],
    ]);
    expect(changes.map((c) => c.state)).toEqual([
      'submitted',
      'returned',
      'submitted',
      'approved',
      'reopened',
      'submitted',
    ]);
  });

  it('lets a ward role review only as a member of the compiling office', async () => {
    const id = (await reporting.listPeriods({ unit: '20314' })).items[0]!.id;
    await reporting.act(id, 'submit', {}, operator, 'op');
    const e = await failure(reporting.act(id, 'approve', {}, operator, 'op'));
    expect([e.kind, e.code]).toEqual(['forbidden', 'REPORT_NOT_COMPILER']);
    await db.query(
      `INSERT INTO office (id, unit_code, name_vi, kind, is_compiler) VALUES ('20314.vh-xh', '20314', 'Phòng Văn hóa – Xã hội', 'culture_society', true)`,
    );
    await db.query(
      `INSERT INTO office_member (username, office_id) VALUES ('op-hai-chau', '20314.vh-xh')`,
    );
    const schedule = (await schedules.list({ unit: '20314' })).items[0]!;
    await schedules.patch(schedule.id, { compilerOfficeId: '20314.vh-xh' }, 'admin');
    expect((await reporting.act(id, 'approve', {}, operator, 'op')).state).toBe('approved');
  });

  it('refuses a second schedule for the same reporter and unknown periods', async () => {
    expect((await failure(schedules.create({ unitCode: '20314' }, 'admin'))).code).toBe(
      'REPORT_SCHEDULE_EXISTS',
    );
    expect((await failure(reporting.getPeriod('999'))).code).toBe('REPORT_PERIOD_NOT_FOUND');
    expect((await failure(reporting.matrix({ period: '11/2026' }))).code).toBe('PERIOD_INVALID');
  });
});
