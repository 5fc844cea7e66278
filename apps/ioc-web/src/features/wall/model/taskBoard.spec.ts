import type { TaskListResponse, TaskView } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { taskBoard, vnMonth } from './taskBoard';

const task = (id: string, status: TaskView['status'], dueDate: string | null): TaskView => ({
  id,
  code: `T-${id}`,
  source: null,
  number: null,
  groupVi: null,
  parentVi: null,
  titleVi: `Nhiệm vụ ${id}`,
  titleEn: null,
  detailVi: null,
  areaCode: '48',
  leadUnitCode: '20314',
  leadUnitName: 'Phường Hoà Xuân',
  leadOfficeId: null,
  leadOfficeName: null,
  leadVi: null,
  leadUncertain: false,
  cooperatingVi: null,
  supervisorVi: null,
  periodVi: null,
  dueDate,
  recurring: false,
  cadence: null,
  productVi: null,
  kpiVi: null,
  relatedIndicators: [],
  ref: null,
  notes: null,
  status,
  progress: 0,
  cancelReason: null,
  updatedAt: '2026-11-10T00:00:00.000Z',
  lastUpdateAt: null,
});

const list = (
  items: TaskView[],
  overdueByLead: TaskListResponse['counts']['overdueByLead'],
): TaskListResponse => ({
  asOf: '2026-11-30T18:30:00.000Z',
  items,
  nextCursor: null,
  counts: {
    byStatus: { not_started: 0, in_progress: 0, done: 0, overdue: 7, cancelled: 0 },
    overdueByLead,
  },
});

describe('taskBoard', () => {
  it('ranks leads by overdue tasks and sums those that do not fit', () => {
    const board = taskBoard(
      list(
        [],
        [
          { leadUnitCode: '20314', leadOfficeId: null, name: 'Phường Hoà Xuân', overdue: 1 },
          { leadUnitCode: '48', leadOfficeId: '48.so-khcn', name: 'Sở KH&CN', overdue: 4 },
          { leadUnitCode: '20320', leadOfficeId: null, name: 'Phường Hải Châu', overdue: 2 },
          { leadUnitCode: '20330', leadOfficeId: null, name: 'Phường An Hải', overdue: 0 },
        ],
      ),
      { leads: 2, due: 2 },
    );
    expect(board?.overdueTotal).toBe(7);
    expect(board?.leads.map((l) => [l.key, l.overdue])).toEqual([
      ['48.so-khcn', 4],
      ['20320', 2],
    ]);
    expect(board?.otherLeadsOverdue).toBe(1);
  });

  it('lists the month’s tasks overdue first, then by due date, without cancelled ones', () => {
    const board = taskBoard(
      list(
        [
          task('1', 'done', '2026-11-05'),
          task('2', 'in_progress', '2026-11-20'),
          task('3', 'overdue', '2026-11-15'),
          task('4', 'cancelled', '2026-11-01'),
          task('5', 'not_started', '2026-11-10'),
        ],
        [],
      ),
      { leads: 3, due: 3 },
    );
    expect(board?.dueThisMonth.map((t) => t.id)).toEqual(['3', '2', '5']);
    expect(board?.dueTotal).toBe(4);
    expect(board?.dueDone).toBe(1);
  });

  it('names the month in Vietnam time', () => {
    // 18:30 UTC on 30 November is already 1 December in Vietnam.
    expect(vnMonth('2026-11-30T18:30:00.000Z')).toBe('12/2026');
    expect(vnMonth('2026-11-30T16:00:00.000Z')).toBe('11/2026');
    expect(vnMonth(null)).toBeNull();
  });
});
