import { DomainError, REPORT_ACTIONS, type ReportState } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { nextState } from './state-machine';

function refusal(state: ReportState, action: (typeof REPORT_ACTIONS)[number]): DomainError {
  try {
    nextState(state, action);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`${action} from ${state} was allowed`);
}

describe('report state machine', () => {
  it('walks submit → return → submit → approve → reopen → submit', () => {
    let s: ReportState = 'open';
    for (const [action, expected] of [
      ['submit', 'submitted'],
      ['return', 'returned'],
      ['submit', 'submitted'],
      ['approve', 'approved'],
      ['reopen', 'reopened'],
      ['submit', 'submitted'],
    ] as const) {
      s = nextState(s, action);
      expect(s).toBe(expected);
    }
  });

  it('locks an approved report: every step but reopen is 409 REPORT_LOCKED', () => {
    for (const action of ['submit', 'return', 'approve'] as const) {
      const e = refusal('approved', action);
      expect(e.kind).toBe('conflict');
      expect(e.code).toBe('REPORT_LOCKED');
    }
    expect(nextState('approved', 'reopen')).toBe('reopened');
  });

  it('refuses steps out of order with REPORT_STATE_CONFLICT', () => {
    expect(refusal('open', 'approve').code).toBe('REPORT_STATE_CONFLICT');
    expect(refusal('open', 'return').code).toBe('REPORT_STATE_CONFLICT');
    expect(refusal('submitted', 'submit').code).toBe('REPORT_STATE_CONFLICT');
    expect(refusal('returned', 'reopen').code).toBe('REPORT_STATE_CONFLICT');
  });
});
