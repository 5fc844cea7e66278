import type { TaskView } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import {
  canWorkTasks,
  dayText,
  initialWorkStatus,
  parsePercent,
  sortTasks,
  taskIdOf,
} from './tasks';

const task = (id: string, status: TaskView['status'], dueDate: string | null) =>
  ({ id, code: `T-${id}`, status, dueDate }) as TaskView;

describe('tablet tasks', () => {
  it('reads the task id from the tablet path', () => {
    expect(taskIdOf('/tablet/tasks/42')).toBe('42');
    expect(taskIdOf('/tablet/tasks/42/')).toBe('42');
    expect(taskIdOf('/tablet')).toBeNull();
    expect(taskIdOf('/tablet/tasks/abc')).toBeNull();
    expect(taskIdOf('/tablet/tasks/1/evil')).toBeNull();
  });

  it('puts overdue and in-progress tasks first, each by due date, undated last', () => {
    const sorted = sortTasks([
      task('1', 'done', '2026-01-01'),
      task('2', 'not_started', null),
      task('3', 'in_progress', '2026-12-01'),
      task('4', 'overdue', '2026-10-01'),
      task('5', 'not_started', '2026-11-01'),
      task('6', 'in_progress', '2026-11-15'),
    ]);
    expect(sorted.map((t) => t.id)).toEqual(['4', '6', '3', '5', '2', '1']);
  });

  it('lets operators post progress and leaders read', () => {
    expect(canWorkTasks('ward_operator')).toBe(true);
    expect(canWorkTasks('admin')).toBe(true);
    expect(canWorkTasks('ward_leader')).toBe(false);
    expect(canWorkTasks('province_leader')).toBe(false);
  });

  it('accepts whole percents 0–100 only', () => {
    expect(parsePercent(' 45 ')).toBe(45);
    expect(parsePercent('100')).toBe(100);
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('4.5')).toBeNull();
    expect(parsePercent('')).toBeNull();
  });

  it('writes days the Vietnamese way and starts overdue work as in progress', () => {
    expect(dayText('2026-11-20')).toBe('20/11/2026');
    expect(dayText(null)).toBeNull();
    expect(initialWorkStatus('overdue')).toBe('in_progress');
    expect(initialWorkStatus('done')).toBe('done');
  });
});
