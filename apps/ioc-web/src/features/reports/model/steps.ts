import type { ReportAction, ReportState } from '@ioc/contracts';

// Which review steps a person is offered on a period: the API's actions (libs/auth model.ts)
// crossed with the state machine of libs/reporting. The API decides in the end (a ward
// reviewer must belong to the compiling office); the page only hides steps that cannot work.

const SUBMITTERS = new Set(['admin', 'province_operator', 'ward_operator']);
const REVIEWERS = new Set([
  'admin',
  'province_leader',
  'province_operator',
  'ward_leader',
  'ward_operator',
]);

const FROM: Record<ReportAction, readonly ReportState[]> = {
  submit: ['open', 'returned', 'reopened'],
  return: ['submitted'],
  approve: ['submitted'],
  reopen: ['approved'],
};

export function stepsFor(role: string, state: ReportState): ReportAction[] {
  const out: ReportAction[] = [];
  if (SUBMITTERS.has(role) && FROM.submit.includes(state)) out.push('submit');
  if (REVIEWERS.has(role)) {
    for (const a of ['approve', 'return', 'reopen'] as const)
      if (FROM[a].includes(state)) out.push(a);
  }
  return out;
}

/** `2026-11` → `11/2026`, `2026-Q4` → `Q4/2026`, `2026` stays. */
export function periodText(period: string): string {
  const m = /^(\d{4})-(\d{2}|Q[1-4])$/.exec(period);
  return m ? `${m[2] ?? ''}/${m[1] ?? ''}` : period;
}

/** `2026-11-15` → `15/11/2026`. */
export function dayText(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}
