import { describe, expect, it } from 'vitest';
import { CITIZEN_STATUSES, DomainError } from '@ioc/contracts';
import { STEP_FROM, assertStep, type CaseStep } from './case-steps';

const allowed = (step: CaseStep) =>
  CITIZEN_STATUSES.filter((s) => {
    try {
      assertStep(step, s);
      return true;
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('CITIZEN_STEP_INVALID');
      return false;
    }
  });

describe('case steps', () => {
  it('follow received → assigned → in progress → resolved', () => {
    expect(allowed('start')).toEqual(['assigned']);
    expect(allowed('resolve')).toEqual(['in_progress']);
    expect(allowed('assign')).toEqual(['received', 'assigned', 'in_progress']);
  });

  it('reject and transfer only open cases; the resident reopens and rates resolved ones', () => {
    expect(allowed('reject')).toEqual(['received', 'assigned', 'in_progress']);
    expect(allowed('transfer')).toEqual(['received', 'assigned', 'in_progress']);
    expect(allowed('reopen')).toEqual(['resolved']);
    expect(allowed('rate')).toEqual(['resolved']);
  });

  it('says in Vietnamese what cannot be done from where', () => {
    try {
      assertStep('resolve', 'received');
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toContain(
        'Không thể báo đã giải quyết từ trạng thái "Đã tiếp nhận"',
      );
    }
    expect(Object.keys(STEP_FROM)).toHaveLength(9);
  });
});
