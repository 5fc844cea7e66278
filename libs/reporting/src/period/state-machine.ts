import { DomainError, type ReportAction, type ReportState } from '@ioc/contracts';

/** Where each step may start from and where it leads. */
const STEPS: Record<ReportAction, { from: readonly ReportState[]; to: ReportState }> = {
  submit: { from: ['open', 'returned', 'reopened'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
  reopen: { from: ['approved'], to: 'reopened' },
};

/** Steps that need a reason (the reporter must know what to fix; the audit why it was opened). */
export const REASON_REQUIRED: ReadonlySet<ReportAction> = new Set(['return', 'reopen']);

/**
 * The state a step leads to, or the refusal: an approved report is locked, so anything but
 * re-opening it answers 409 `REPORT_LOCKED`; other steps out of order answer 409
 * `REPORT_STATE_CONFLICT`.
 */
export function nextState(state: ReportState, action: ReportAction): ReportState {
  const step = STEPS[action];
  if (step.from.includes(state)) return step.to;
  if (state === 'approved') {
    throw new DomainError(
      'conflict',
      'REPORT_LOCKED',
      'The report is approved and locked: re-open it (with a reason) before any change',
      { issues: [], state, action },
    );
  }
  throw new DomainError(
    'conflict',
    'REPORT_STATE_CONFLICT',
    `Cannot ${action} a report that is ${state}`,
    { issues: [], state, action, allowedFrom: [...step.from] },
  );
}
