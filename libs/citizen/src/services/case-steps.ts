import { DomainError, type CitizenStatus } from '@ioc/contracts';

/** Steps on a case, by staff (assign … spam) or by the resident (reopen, rate). */
export type CaseStep =
  'assign' | 'start' | 'resolve' | 'reject' | 'transfer' | 'comment' | 'spam' | 'reopen' | 'rate';

const OPEN: readonly CitizenStatus[] = ['received', 'assigned', 'in_progress'];

/** The statuses each step may start from. */
export const STEP_FROM: Record<CaseStep, readonly CitizenStatus[]> = {
  // Reassigning an assigned or started case gives it to the new office, which starts again.
  assign: OPEN,
  start: ['assigned'],
  resolve: ['in_progress'],
  reject: OPEN,
  transfer: OPEN,
  comment: OPEN,
  spam: ['received', 'assigned', 'in_progress', 'resolved', 'rejected'],
  reopen: ['resolved'],
  rate: ['resolved'],
};

const STEP_VI: Record<CaseStep, string> = {
  assign: 'giao xử lý',
  start: 'bắt đầu xử lý',
  resolve: 'báo đã giải quyết',
  reject: 'từ chối',
  transfer: 'chuyển đơn vị',
  comment: 'ghi chú',
  spam: 'đánh dấu rác',
  reopen: 'mở lại',
  rate: 'đánh giá',
};

export const STATUS_VI: Record<CitizenStatus, string> = {
  received: 'Đã tiếp nhận',
  assigned: 'Đã giao xử lý',
  in_progress: 'Đang xử lý',
  resolved: 'Đã giải quyết',
  rejected: 'Từ chối',
};

/** The one refusal of a step taken from the wrong status. */
export function stepInvalid(step: CaseStep, from: CitizenStatus, why?: string): DomainError {
  return new DomainError(
    'conflict',
    'CITIZEN_STEP_INVALID',
    why ??
      `Không thể ${STEP_VI[step]} từ trạng thái "${STATUS_VI[from]}" · Cannot ${step} a case that is ${from}`,
    { issues: [], step, from },
  );
}

/** Throws unless `step` may start from `from`. */
export function assertStep(step: CaseStep, from: CitizenStatus): void {
  if (!STEP_FROM[step].includes(from)) throw stepInvalid(step, from);
}
