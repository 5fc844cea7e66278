import { describe, expect, it } from 'vitest';
import {
  ageHours,
  allowedSteps,
  canHandleCitizen,
  hoursLeft,
  sortQueue,
  spanOf,
  type QueueCase,
} from './caseModel';

const item = (code: string, receivedAt: string, overdue = false): QueueCase => ({
  id: code,
  code,
  status: 'received',
  overdue,
  receivedAt,
});

describe('sortQueue', () => {
  it('puts overdue cases first, then the oldest, then by code', () => {
    const sorted = sortQueue([
      item('PA3', '2026-12-01T02:00:00Z'),
      item('PA1', '2026-12-04T02:00:00Z', true),
      item('PA2', '2026-11-28T02:00:00Z'),
      item('PA0', '2026-12-01T02:00:00Z'),
      item('PA4', '2026-12-02T02:00:00Z', true),
    ]);
    expect(sorted.map((c) => c.code)).toEqual(['PA4', 'PA1', 'PA2', 'PA0', 'PA3']);
  });
});

describe('age and time left', () => {
  const now = Date.parse('2026-12-06T10:30:00Z');
  it('counts whole hours since receipt, never below zero', () => {
    expect(ageHours('2026-12-03T09:00:00Z', now)).toBe(73);
    expect(ageHours('2026-12-06T11:00:00Z', now)).toBe(0);
    expect(spanOf(73)).toEqual({ days: 3, hours: 1 });
  });
  it('counts hours to the deadline, negative after it', () => {
    expect(hoursLeft('2026-12-07T16:59:59Z', now)).toBe(30);
    expect(hoursLeft('2026-12-05T16:59:59Z', now)).toBe(-17);
    expect(spanOf(-17)).toEqual({ days: 0, hours: 17 });
  });
});

describe('allowedSteps', () => {
  it('follows the workflow for a handler', () => {
    expect(allowedSteps('ward_operator', 'received', 'ok')).toEqual([
      'assign',
      'comment',
      'reject',
      'transfer',
      'spam',
    ]);
    expect(allowedSteps('ward_operator', 'assigned', 'ok')).toEqual([
      'assign',
      'start',
      'comment',
      'reject',
      'transfer',
      'spam',
    ]);
    expect(allowedSteps('ward_leader', 'in_progress', 'ok')).toEqual([
      'comment',
      'resolve',
      'reject',
      'transfer',
      'spam',
    ]);
    expect(allowedSteps('admin', 'resolved', 'ok')).toEqual([]);
    expect(allowedSteps('admin', 'rejected', 'ok')).toEqual([]);
  });
  it('only unmarks a case marked spam, and gives a reader nothing', () => {
    expect(allowedSteps('province_operator', 'received', 'spam')).toEqual(['spam']);
    expect(allowedSteps('display', 'received', 'ok')).toEqual([]);
    expect(canHandleCitizen('display')).toBe(false);
    expect(canHandleCitizen('ward_leader')).toBe(true);
  });
});
