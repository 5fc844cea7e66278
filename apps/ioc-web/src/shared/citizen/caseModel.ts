import { CITIZEN_STATUSES, type CitizenStatus } from '@ioc/contracts';

/**
 * What the staff screens (console, tablet, wall) share about a citizen report: which statuses
 * are open, the order of a queue, a case's age and time left, and which handling steps a role
 * may take from a status. Pure; the API decides in the end (these only hide buttons it would
 * refuse).
 */

/** The fields of a case the queue needs (list items and full views both have them). */
export interface QueueCase {
  id: string;
  code: string;
  status: string;
  overdue: boolean;
  receivedAt: string;
}

/** A status pushed as a plain string is one this screen knows (it may be newer than us). */
export function isCitizenStatus(status: string): status is CitizenStatus {
  return (CITIZEN_STATUSES as readonly string[]).includes(status);
}

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A case's id as the API names it (a UUID); anything else in an address is not a case. */
export function isCaseId(text: string | null | undefined): text is string {
  return typeof text === 'string' && CASE_ID.test(text);
}

export const OPEN_STATUSES: ReadonlySet<string> = new Set(['received', 'assigned', 'in_progress']);

export function isOpenStatus(status: string): boolean {
  return OPEN_STATUSES.has(status);
}

/** Overdue first, then the oldest; the tracking code breaks ties so the order is stable. */
export function sortQueue<T extends QueueCase>(cases: readonly T[]): T[] {
  return [...cases].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      Date.parse(a.receivedAt) - Date.parse(b.receivedAt) ||
      a.code.localeCompare(b.code),
  );
}

const HOUR_MS = 3_600_000;

/** Whole hours since the case was received (0 for a clock behind the server's). */
export function ageHours(receivedAt: string, now: number): number {
  const t = Date.parse(receivedAt);
  return Number.isNaN(t) ? 0 : Math.max(0, Math.floor((now - t) / HOUR_MS));
}

/** An age or a time left as days and hours, for "3 ngày 4 giờ". */
export interface Span {
  days: number;
  hours: number;
}

export function spanOf(hours: number): Span {
  const h = Math.max(0, Math.floor(Math.abs(hours)));
  return { days: Math.floor(h / 24), hours: h % 24 };
}

/** Hours until the deadline; negative once it has passed. */
export function hoursLeft(deadlineAt: string, now: number): number {
  const t = Date.parse(deadlineAt);
  return Number.isNaN(t) ? 0 : Math.trunc((t - now) / HOUR_MS);
}

/** Roles the API lets handle a case (`citizen.handle`); displays only read. */
const HANDLERS: ReadonlySet<string> = new Set([
  'admin',
  'province_leader',
  'province_operator',
  'ward_leader',
  'ward_operator',
]);

export function canHandleCitizen(role: string): boolean {
  return HANDLERS.has(role);
}

export const STEP_KINDS = [
  'assign',
  'start',
  'comment',
  'resolve',
  'reject',
  'transfer',
  'spam',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const FROM: Record<Exclude<StepKind, 'spam'>, ReadonlySet<string>> = {
  assign: new Set(['received', 'assigned']),
  start: new Set(['assigned']),
  comment: OPEN_STATUSES,
  resolve: new Set(['in_progress']),
  reject: OPEN_STATUSES,
  transfer: OPEN_STATUSES,
};

/**
 * The steps a role may take on a case in `status`: none for a reader; a case marked spam can
 * only be unmarked; resolved and rejected cases are closed (the resident reopens them).
 */
export function allowedSteps(role: string, status: string, moderation: string): StepKind[] {
  if (!canHandleCitizen(role)) return [];
  if (moderation === 'spam') return ['spam'];
  const steps: StepKind[] = STEP_KINDS.filter((k) => k !== 'spam' && FROM[k].has(status));
  if (isOpenStatus(status)) steps.push('spam');
  return steps;
}
