import type { CitizenStatus } from '@ioc/contracts';
import { COUNTED_SQL, OPEN_SQL } from './report-record';

/** What a staff list selects; `units` null = every unit. Duplicates are never listed. */
export interface ReportFilter {
  units: readonly string[] | null;
  status?: CitizenStatus | 'open' | 'overdue';
  category?: string;
  q?: string;
  /** true: spam only; otherwise spam is left out. */
  spam?: boolean;
  now: Date;
}

/** WHERE clause and values of a filter; `withStatus` false leaves the status out (for counts). */
export function filterSql(
  f: ReportFilter,
  withStatus = true,
): { where: string; values: unknown[] } {
  const values: unknown[] = [];
  const add = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const parts = [
    'duplicate_of IS NULL',
    f.spam === true ? `moderation = 'spam'` : `moderation = 'ok'`,
  ];
  if (f.units !== null) parts.push(`unit_code = ANY(${add(f.units)}::text[])`);
  if (f.category !== undefined) parts.push(`category_code = ${add(f.category)}`);
  if (f.q !== undefined) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const p = add(like);
    parts.push(`(code ILIKE ${p} OR description ILIKE ${p})`);
  }
  if (withStatus && f.status !== undefined) {
    if (f.status === 'open') parts.push(OPEN_SQL);
    else if (f.status === 'overdue') parts.push(`${OPEN_SQL} AND deadline_at < ${add(f.now)}`);
    else parts.push(`status = ${add(f.status)}`);
  }
  return { where: parts.join(' AND '), values };
}

/** Overdue at `$n`: open, counted, past the deadline. */
export function overdueSql(nowParam: string): string {
  return `${COUNTED_SQL} AND ${OPEN_SQL} AND deadline_at < ${nowParam}`;
}
