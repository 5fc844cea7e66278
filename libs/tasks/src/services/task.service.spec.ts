import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, taskListQuery } from '@ioc/contracts';
import { loadTaskCatalogue } from '../catalogue/load';
import type { TaskChanged } from '../ports';
import { auditSpy, fakeOffices, fakeUnits } from '../testing/fakes';
import { createTestDb, type TestDb } from '../testing/pglite';
import { TaskSeedService } from './seed.service';
import { TaskProgressService } from './task-progress.service';
import { TaskService } from './task.service';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const actor = { actor: 'op-an-hai' };

async function failure(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => new Error('expected a DomainError'),
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw err;
  return err;
}

describe('TaskService over the seeded catalogue (PGlite, injected clock)', () => {
  let db: TestDb;
  let clock = new Date('2026-11-16T03:00:00Z');
  const audit = auditSpy();
  const changes: TaskChanged[] = [];
  let offices: ReturnType<typeof fakeOffices>;
  let tasks: TaskService<typeof actor>;
  let progress: TaskProgressService<typeof actor>;
  const list = (q: Record<string, string>) => tasks.list(taskListQuery.parse(q));

  beforeAll(async () => {
    db = await createTestDb();
    offices = fakeOffices(db);
    const seed = new TaskSeedService(db, offices);
    expect(await seed.seed()).toEqual({ sources: 5, tasks: loadTaskCatalogue().tasks.length });
    expect(await seed.seed()).toEqual({ sources: 0, tasks: 0 });
    tasks = new TaskService(db, {
      units: fakeUnits,
      offices,
      audit,
      now: () => clock,
      onTaskChanged: (c) => changes.push(c),
    });
    progress = new TaskProgressService(tasks);
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });

  it('leads a seeded task by its plan area, with the office of a single-agency lead', async () => {
    const r = await list({ unit: '75', q: 'DNAI-KH-HOCTAP-2026/body-IV.1.4' });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({
      leadUnitCode: '75',
      leadUnitName: 'Tỉnh Đồng Nai',
      leadOfficeId: expect.stringMatching(/^75\.o\d+$/) as unknown,
      leadOfficeName: 'Sở Khoa học và Công nghệ',
      dueDate: '2026-05-10',
      // Due in May, not done, the clock says November.
      status: 'overdue',
    });
    const several = await list({ unit: '48', q: 'Sở Khoa học và Công nghệ; Sở Tài chính' });
    expect(several.items.length).toBeGreaterThan(0);
    for (const t of several.items) expect(t.leadOfficeId).toBeNull();
  });

  it('lists a ward and what is below a province, with counts over the scope', async () => {
    const ward = await list({ unit: '20275' });
    expect(ward.items.every((t) => t.leadUnitCode === '20275')).toBe(true);
    expect(ward.items).toHaveLength(8);
    const city = await list({ unit: '48', limit: '50' });
    const total = Object.values(city.counts.byStatus).reduce((a, b) => a + b, 0);
    expect(total).toBe(116 + 8);
    expect(city.nextCursor).not.toBeNull();
    const next = await list({ unit: '48', limit: '50', cursor: city.nextCursor ?? '' });
    expect(next.items[0]?.id).not.toBe(city.items[0]?.id);
    const ids = new Set([...city.items, ...next.items].map((t) => t.id));
    expect(ids.size).toBe(100);
    const overdue = await list({ unit: '48', status: 'overdue' });
    expect(overdue.items.length).toBe(city.counts.byStatus.overdue);
    expect(overdue.items.every((t) => t.dueDate !== null && t.dueDate < '2026-11-16')).toBe(true);
    expect(city.counts.overdueByLead.reduce((n, o) => n + o.overdue, 0)).toBe(
      city.counts.byStatus.overdue,
    );
    expect((await failure(list({ unit: '99999' }))).code).toBe('UNIT_UNKNOWN');
  });

  it('filters by month due', async () => {
    const dec = await list({ unit: '48', due: '2026-12', limit: '500' });
    expect(dec.items.length).toBeGreaterThan(0);
    expect(dec.items.every((t) => t.dueDate?.startsWith('2026-12'))).toBe(true);
    const thisMonth = await list({ unit: '48', due: 'this_month', limit: '500' });
    expect(thisMonth.items.every((t) => t.dueDate?.startsWith('2026-11'))).toBe(true);
  });

  it('creates, posts progress with a photo, computes overdue with the clock, audits, notifies', async () => {
    const created = await tasks.create(
      {
        leadUnitCode: '20275',
        titleVi: 'Lắp camera giám sát chợ An Hải',
        dueDate: '2026-11-30',
        recurring: false,
        relatedIndicators: [],
      },
      actor,
    );
    expect(created).toMatchObject({ code: `local/${created.id}`, status: 'not_started' });
    const detail = await progress.postProgress(
      created.id,
      { progress: 40, note: 'Đã lắp 2/5 camera' },
      [{ filename: 'C:\\ảnh\\cho.png', data: PNG }],
      actor,
    );
    expect(detail).toMatchObject({ status: 'in_progress', progress: 40 });
    expect(detail.updates[0]).toMatchObject({
      actor: 'op-an-hai',
      note: 'Đã lắp 2/5 camera',
      evidence: [{ filename: 'cho.png', contentType: 'image/png', sizeBytes: PNG.length }],
    });
    const file = await progress.evidence(created.id, detail.updates[0]?.evidence[0]?.id ?? '');
    expect(file.data.equals(PNG)).toBe(true);
    expect(audit.events.at(-1)).toMatchObject({ action: 'task.progress', unitCode: '20275' });
    expect(changes.at(-1)).toMatchObject({ taskId: created.id, status: 'in_progress' });
    expect(await tasks.progressPostedIn([created.id], '2026-11-01', '2026-11-30')).toEqual([
      created.id,
    ]);
    expect(await tasks.progressPostedIn([created.id], '2026-10-01', '2026-10-31')).toEqual([]);

    clock = new Date('2026-12-01T03:00:00Z');
    expect((await tasks.get(created.id)).status).toBe('overdue');
    expect((await tasks.overdueTasks(clock)).map((o) => o.key)).toContain(`task:${created.id}`);
    const done = await progress.postProgress(created.id, { progress: 100, note: '' }, [], actor);
    expect(done).toMatchObject({ status: 'done', progress: 100 });
    clock = new Date('2026-11-16T03:00:00Z');
  });

  it('stores nothing of an update with a bad file', async () => {
    const t = await tasks.create(
      { leadUnitCode: '20275', titleVi: 'Kiểm tra', recurring: false, relatedIndicators: [] },
      actor,
    );
    const bad = [
      { filename: 'ok.png', data: PNG },
      { filename: 'x.png', data: Buffer.from('<svg/>') },
    ];
    const err = await failure(progress.postProgress(t.id, { progress: 10, note: '' }, bad, actor));
    expect(err).toMatchObject({ kind: 'invalid', code: 'EVIDENCE_TYPE' });
    const big = { filename: 'big.png', data: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]) };
    expect(
      (await failure(progress.postProgress(t.id, { progress: 10, note: '' }, [big], actor))).code,
    ).toBe('EVIDENCE_TOO_LARGE');
    expect((await tasks.get(t.id)).updates).toEqual([]);
  });

  it('cancels with a reason; no progress on a cancelled task', async () => {
    const t = await tasks.create(
      { leadUnitCode: '20275', titleVi: 'Huỷ thử', recurring: false, relatedIndicators: [] },
      actor,
    );
    const c = await tasks.cancel(t.id, 'trùng nhiệm vụ khác', actor);
    expect(c).toMatchObject({ status: 'cancelled', cancelReason: 'trùng nhiệm vụ khác' });
    const err = await failure(progress.postProgress(t.id, { progress: 10, note: '' }, [], actor));
    expect(err.code).toBe('TASK_CANCELLED');
    expect((await failure(tasks.cancel(t.id, 'again', actor))).kind).toBe('conflict');
  });

  it('edits a task, refuses an office of another unit', async () => {
    const t = await tasks.create(
      { leadUnitCode: '20275', titleVi: 'Sửa thử', recurring: false, relatedIndicators: [] },
      actor,
    );
    const p = await tasks.patch(t.id, { dueDate: '2027-01-31', cadence: 'monthly' }, actor);
    expect(p).toMatchObject({ dueDate: '2027-01-31', cadence: 'monthly' });
    offices.units.set('20314.cong-an', '20314');
    expect((await failure(tasks.patch(t.id, { leadOfficeId: '20314.cong-an' }, actor))).code).toBe(
      'OFFICE_NOT_OF_UNIT',
    );
    expect((await failure(tasks.get('999999'))).kind).toBe('not_found');
    expect(await tasks.unitOf(t.id)).toBe('20275');
    expect(await tasks.unitOf('nope')).toBeUndefined();
  });

  it('lists open tasks of a unit for the reporting cycle', async () => {
    const open = await tasks.openTasksOf('20275', null);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((t) => t.status !== 'done' && t.status !== 'cancelled')).toBe(true);
  });
});
