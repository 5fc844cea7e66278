import type { TaskStatus } from '@ioc/contracts';
import { statusSql } from './task-row';

/** Which tasks a list or count is about. */
export interface TaskFilter {
  /** Lead units to include; null = every unit. */
  units: readonly string[] | null;
  officeId?: string | undefined;
  source?: string | undefined;
  q?: string | undefined;
  /** Statuses as seen (overdue computed against `today`). */
  statuses?: readonly TaskStatus[] | undefined;
  /** Due date within [from, to] (inclusive days). */
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  today: string;
}

/** A WHERE clause over `task t` with its parameters, appended after `values`. */
export function whereOf(
  f: TaskFilter,
  values: unknown[],
  opts: { scopeOnly?: boolean } = {},
): string {
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const clauses: string[] = [];
  if (f.units !== null) clauses.push(`t.lead_unit_code = ANY(${param([...f.units])}::text[])`);
  if (f.officeId !== undefined) clauses.push(`t.lead_office_id = ${param(f.officeId)}`);
  if (f.source !== undefined) clauses.push(`t.source = ${param(f.source)}`);
  if (f.q !== undefined) {
    const like = param(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    clauses.push(
      `(t.code ILIKE ${like} OR t.title_vi ILIKE ${like} OR t.title_en ILIKE ${like} OR t.lead_vi ILIKE ${like})`,
    );
  }
  if (opts.scopeOnly !== true) {
    if (f.statuses !== undefined && f.statuses.length > 0) {
      clauses.push(`(${statusSql(param(f.today))}) = ANY(${param([...f.statuses])}::text[])`);
    }
    if (f.dueFrom !== undefined) clauses.push(`t.due_date >= ${param(f.dueFrom)}::date`);
    if (f.dueTo !== undefined) clauses.push(`t.due_date <= ${param(f.dueTo)}::date`);
  }
  return clauses.length === 0 ? 'TRUE' : clauses.join(' AND ');
}
