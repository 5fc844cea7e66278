import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError, type CitizenChanged } from '@ioc/contracts';
import type { DisposableDb } from '@ioc/db';
import type { CitizenIndicatorRow, ResidentNotice } from '../ports';
import {
  AN_HAI,
  HAI_CHAU,
  PROVINCE,
  auditSpy,
  citizenTestDb,
  clock,
  fakeLocator,
  fakeOffices,
  fakeUnits,
  operator,
  phonePhoto,
  resetCitizen,
  resident,
  type TestActor,
} from '../testing/fakes';
import { CitizenCaseService } from './citizen-case.service';
import { CitizenIntakeService } from './citizen-intake.service';

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return undefined;
}

describe('CitizenCaseService', () => {
  let db: DisposableDb;
  let audit: ReturnType<typeof auditSpy>;
  let changes: { change: CitizenChanged; previous?: string }[];
  let notices: ResidentNotice[];
  let indicatorRows: CitizenIndicatorRow[][];
  let time: ReturnType<typeof clock>;
  let intake: CitizenIntakeService<TestActor>;
  let cases: CitizenCaseService<TestActor>;

  beforeAll(async () => {
    db = await citizenTestDb();
  }, 60_000);
  afterAll(() => db.close());

  beforeEach(async () => {
    await resetCitizen(db);
    audit = auditSpy();
    changes = [];
    notices = [];
    indicatorRows = [];
    // Tuesday 3/3/2026, 09:00 in Vietnam.
    time = clock('2026-03-03T02:00:00Z');
    intake = new CitizenIntakeService(db, {
      units: fakeUnits,
      locator: fakeLocator,
      provinceCode: PROVINCE,
      audit,
      now: time.now,
    });
    cases = new CitizenCaseService(db, {
      units: fakeUnits,
      offices: fakeOffices,
      audit,
      provinceCode: PROVINCE,
      now: time.now,
      publicUrl: 'https://ioc.danang.gov.vn/',
      notifier: {
        notify: (n) => {
          notices.push(n);
          return Promise.resolve();
        },
      },
      indicators: {
        record: (rows) => {
          indicatorRows.push([...rows]);
          return Promise.resolve();
        },
      },
      onChanged: (change, previous) => changes.push({ change, previous }),
    });
  });

  /** A received case in Hải Châu (den_duong: 3 working days → Fri 6/3/2026). */
  async function newCase(point = HAI_CHAU, phone?: string) {
    const { code } = await intake.submit(
      {
        category: 'den_duong',
        description: 'Đèn đường hỏng trước chợ Hàn',
        ...point,
        ...(phone ? { phone } : {}),
      },
      [],
      { clientKey: 'ip', source: 'web' },
      resident,
    );
    const list = await cases.list({ limit: 50, offset: 0, q: code });
    const id = list.items[0]?.id;
    if (!id) throw new Error('case not listed');
    return { id, code };
  }

  it('walks received → assigned → in progress → resolved with after-photos', async () => {
    const { id, code } = await newCase(HAI_CHAU, '0905123456');
    const assigned = await cases.assign(
      id,
      { officeId: '20314.vh-xh', assignee: 'nv.an' },
      operator,
    );
    expect(assigned).toMatchObject({
      status: 'assigned',
      officeId: '20314.vh-xh',
      officeName: 'Phòng Văn hóa – Xã hội phường Hải Châu',
      assignee: 'nv.an',
    });
    expect((await cases.start(id, operator)).status).toBe('in_progress');
    time.set('2026-03-05T08:00:00Z');
    expect(await codeOf(cases.resolve(id, { note: 'Đã thay bóng' }, [], operator))).toBe(
      'PHOTO_REQUIRED',
    );
    const resolved = await cases.resolve(
      id,
      { note: 'Đã thay bóng đèn' },
      [{ data: await phonePhoto() }],
      operator,
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolutionNote: 'Đã thay bóng đèn',
      resolvedAt: '2026-03-05T08:00:00.000Z',
      overdue: false,
    });
    expect(resolved.photos.map((p) => p.kind)).toEqual(['resolution']);
    expect(resolved.events.map((e) => [e.kind, e.toStatus, e.public])).toEqual([
      ['received', 'received', true],
      ['assigned', 'assigned', true],
      ['started', 'in_progress', true],
      ['resolved', 'resolved', true],
    ]);
    expect(audit.events.map((e) => e.action)).toEqual([
      'citizen.submit',
      'citizen.assign',
      'citizen.start',
      'citizen.resolve',
    ]);
    expect(changes.map((c) => c.change.status)).toEqual(['assigned', 'in_progress', 'resolved']);
    expect(notices.map((n) => n.status)).toEqual(['assigned', 'in_progress', 'resolved']);
    expect(notices[2]).toEqual({
      code,
      status: 'resolved',
      phone: '0905123456',
      text: `Phản ánh ${code} của bạn đã được giải quyết. Xem: https://ioc.danang.gov.vn/phan-anh/tra-cuu/${code}`,
    });
    // Resolved on time in March: 1 of 1 for the on-time indicator of Hải Châu.
    expect(indicatorRows).toEqual([
      [
        {
          indicatorCode: 'svc.citizen_report_ontime',
          unitCode: '20314',
          period: '2026-03',
          numerator: 1,
          denominator: 1,
        },
      ],
    ]);
  });

  it('refuses a step from the wrong status with CITIZEN_STEP_INVALID', async () => {
    const { id } = await newCase();
    expect(await codeOf(cases.start(id, operator))).toBe('CITIZEN_STEP_INVALID');
    expect(
      await codeOf(cases.resolve(id, { note: 'x' }, [{ data: await phonePhoto() }], operator)),
    ).toBe('CITIZEN_STEP_INVALID');
    await cases.reject(id, { reason: 'Không thuộc thẩm quyền' }, operator);
    expect(await codeOf(cases.assign(id, { officeId: '20314.vh-xh' }, operator))).toBe(
      'CITIZEN_STEP_INVALID',
    );
    expect(await codeOf(cases.comment(id, { note: 'ghi chú' }, operator))).toBe(
      'CITIZEN_STEP_INVALID',
    );
    expect(await codeOf(cases.get('not-a-uuid'))).toBe('CITIZEN_REPORT_NOT_FOUND');
  });

  it("assigns to the ward's offices or a provincial department, never another ward's", async () => {
    const { id } = await newCase();
    expect(await codeOf(cases.assign(id, { officeId: '20275.vh-xh' }, operator))).toBe(
      'CITIZEN_OFFICE_INVALID',
    );
    expect((await cases.assign(id, { officeId: '48.so-xd' }, operator)).officeName).toBe(
      'Sở Xây dựng',
    );
  });

  it('transfers to another ward: received there, office cleared, deadline kept', async () => {
    const { id } = await newCase();
    const before = await cases.assign(id, { officeId: '20314.vh-xh' }, operator);
    time.set('2026-03-04T02:00:00Z');
    const moved = await cases.transfer(
      id,
      { unitCode: '20275', reason: 'Địa chỉ thuộc An Hải' },
      operator,
    );
    expect(moved).toMatchObject({
      unitCode: '20275',
      unitName: 'Phường An Hải',
      status: 'received',
      officeId: null,
      assignee: null,
      deadlineAt: before.deadlineAt,
    });
    expect(changes.at(-1)).toMatchObject({ change: { unitCode: '20275' }, previous: '20314' });
    expect(notices.at(-1)?.text).toContain('đã được chuyển đến Phường An Hải để xử lý');
    expect(await cases.unitOf(id)).toBe('20275');
    expect(await codeOf(cases.transfer(id, { unitCode: '26041', reason: 'x y' }, operator))).toBe(
      'CITIZEN_TRANSFER_UNIT',
    );
    // The reason is an internal note; the public step only names the unit.
    const transferred = moved.events.filter((e) => e.kind !== 'received' && e.kind !== 'assigned');
    expect(transferred.map((e) => [e.kind, e.public, e.note])).toEqual([
      ['transferred', true, 'Chuyển đến Phường An Hải'],
      ['commented', false, 'Lý do chuyển: Địa chỉ thuộc An Hải'],
    ]);
  });

  it('keeps spam out of the queue and overdue signals until unmarked', async () => {
    const a = await newCase();
    const b = await newCase(AN_HAI);
    // Deadline Fri 6/3/2026 end of day; Monday 9/3 both are overdue.
    time.set('2026-03-09T02:00:00Z');
    expect((await cases.overdueCases(time.now())).map((s) => s.key).sort()).toEqual(
      [`citizen:${a.code}`, `citizen:${b.code}`].sort(),
    );
    await cases.spam(a.id, { spam: true, reason: 'quảng cáo' }, operator);
    expect(await codeOf(cases.spam(a.id, { spam: true }, operator))).toBe('CITIZEN_STEP_INVALID');
    expect(await codeOf(cases.assign(a.id, { officeId: '20314.vh-xh' }, operator))).toBe(
      'CITIZEN_STEP_INVALID',
    );
    const signals = await cases.overdueCases(time.now());
    expect(signals).toEqual([
      {
        key: `citizen:${b.code}`,
        unitCode: '20275',
        title: `Phản ánh ${b.code} — Đèn đường hư hỏng`,
        dueDate: '2026-03-06',
      },
    ]);
    const list = await cases.list({ limit: 50, offset: 0 });
    expect(list.items.map((i) => i.code)).toEqual([b.code]);
    expect(list.counts).toEqual({
      byStatus: { received: 1, assigned: 0, in_progress: 0, resolved: 0, rejected: 0 },
      overdue: 1,
    });
    expect(
      (await cases.list({ limit: 50, offset: 0, spam: 'true' })).items.map((i) => i.code),
    ).toEqual([a.code]);
    await cases.spam(a.id, { spam: false }, operator);
    expect((await cases.overdueCases(time.now())).length).toBe(2);
    expect(audit.events.filter((e) => e.action.includes('spam')).map((e) => e.action)).toEqual([
      'citizen.spam',
      'citizen.unspam',
    ]);
  });

  it('lists overdue cases first, then open ones by deadline, scoped to a unit', async () => {
    const old = await newCase();
    time.set('2026-03-09T02:00:00Z');
    const fresh = await newCase({ lat: HAI_CHAU.lat + 0.01, lon: HAI_CHAU.lon });
    const other = await newCase(AN_HAI);
    const page = await cases.list({ unit: '20314', limit: 50, offset: 0 });
    expect(page.items.map((i) => [i.code, i.overdue])).toEqual([
      [old.code, true],
      [fresh.code, false],
    ]);
    expect(page.total).toBe(2);
    expect(
      (await cases.list({ unit: '48', status: 'overdue', limit: 50, offset: 0 })).items.map(
        (i) => i.code,
      ),
    ).toEqual([old.code]);
    expect(
      (await cases.list({ unit: '20275', limit: 50, offset: 0 })).items.map((i) => i.code),
    ).toEqual([other.code]);
  });

  it('lets the resident rate once, reopen within 7 days, then rate again', async () => {
    const { id, code } = await newCase();
    await cases.assign(id, { officeId: '20314.vh-xh' }, operator);
    await cases.start(id, operator);
    expect(await codeOf(cases.rate(code, { rating: 5 }, resident))).toBe('CITIZEN_STEP_INVALID');
    time.set('2026-03-05T02:00:00Z');
    await cases.resolve(id, { note: 'Đã sửa' }, [{ data: await phonePhoto() }], operator);
    const rated = await cases.rate(code.toLowerCase(), { rating: 2, comment: 'Chậm' }, resident);
    expect(rated).toMatchObject({ rating: 2, canRate: false });
    expect(await codeOf(cases.rate(code, { rating: 5 }, resident))).toBe('CITIZEN_STEP_INVALID');
    // Thursday 12/3 09:00: within 7 days of 5/3 09:00. New deadline: 3 working days → Tue 17/3.
    time.set('2026-03-12T02:00:00Z');
    const reopened = await cases.reopen(code, { reason: 'Đèn lại tắt' }, resident);
    expect(reopened).toMatchObject({
      status: 'assigned',
      rating: null,
      resolvedAt: null,
      deadlineAt: new Date('2026-03-17T23:59:59.999+07:00').toISOString(),
    });
    expect(reopened.events.map((e) => e.kind)).toEqual([
      'received',
      'assigned',
      'started',
      'resolved',
      'rated',
      'reopened',
    ]);
    const staff = await cases.get(id);
    expect(staff).toMatchObject({ reopenCount: 1, officeId: '20314.vh-xh', ratingComment: null });
    await cases.start(id, operator);
    time.set('2026-03-13T02:00:00Z');
    await cases.resolve(id, { note: 'Thay dây' }, [{ data: await phonePhoto() }], operator);
    expect((await cases.rate(code, { rating: 5 }, resident)).rating).toBe(5);
    // More than 7 days after the second resolution: too late to reopen.
    time.set('2026-03-20T02:00:01Z');
    expect(await codeOf(cases.reopen(code, { reason: 'Lại hỏng' }, resident))).toBe(
      'CITIZEN_STEP_INVALID',
    );
    // The satisfaction row after the last rating: 1 rating of 5 in March.
    expect(indicatorRows.at(-1)).toContainEqual({
      indicatorCode: 'svc.citizen_report_satisfaction',
      unitCode: '20314',
      period: '2026-03',
      numerator: 1,
      denominator: 1,
    });
  });

  it('keeps comments internal and never fails a step when the notifier does', async () => {
    const failing = new CitizenCaseService<TestActor>(db, {
      units: fakeUnits,
      offices: fakeOffices,
      audit,
      provinceCode: PROVINCE,
      now: time.now,
      notifier: { notify: () => Promise.reject(new Error('SMS gateway down')) },
      onBackgroundError: (what) =>
        notices.push({ code: what, status: 'received', phone: null, text: '' }),
    });
    const { id } = await newCase();
    const commented = await failing.comment(id, { note: 'Đã gọi điện cho người dân' }, operator);
    expect(commented.events.at(-1)).toMatchObject({ kind: 'commented', public: false });
    expect((await failing.assign(id, { officeId: '20314.vh-xh' }, operator)).status).toBe(
      'assigned',
    );
    expect(notices.map((n) => n.code)).toEqual(['notify']);
  });
});
