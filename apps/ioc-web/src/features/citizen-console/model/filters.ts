import { CITIZEN_STATUSES } from '@ioc/contracts';
import type { CitizenStatusFilter } from '../../../shared/api/citizen';
import { isCaseId } from '../../../shared/citizen/caseModel';

/** The console's queue filters, kept in the address so a view can be bookmarked or shared. */
export interface QueueFilters {
  unit: string | null;
  status: CitizenStatusFilter | null;
  category: string | null;
  q: string;
}

const STATUS_FILTERS: readonly string[] = [...CITIZEN_STATUSES, 'open', 'overdue'];
const UNIT = /^\d{2}(\d{3})?$/;
const CATEGORY = /^[a-z][a-z0-9_]{0,39}$/;

function isStatusFilter(s: string): s is CitizenStatusFilter {
  return STATUS_FILTERS.includes(s);
}

/** The open cases by default; `status=all` lists every status. Bad values are ignored. */
export function filtersFromSearch(search: string): QueueFilters {
  const p = new URLSearchParams(search);
  const unit = p.get('unit');
  const status = p.get('status') ?? 'open';
  const category = p.get('category');
  return {
    unit: unit !== null && UNIT.test(unit) ? unit : null,
    status: isStatusFilter(status) ? status : null,
    category: category !== null && CATEGORY.test(category) ? category : null,
    q: (p.get('q') ?? '').slice(0, 200),
  };
}

export function searchOf(f: QueueFilters): string {
  const p = new URLSearchParams();
  if (f.unit !== null) p.set('unit', f.unit);
  p.set('status', f.status ?? 'all');
  if (f.category !== null) p.set('category', f.category);
  if (f.q.trim() !== '') p.set('q', f.q.trim());
  return `?${p.toString()}`;
}

/** `/xu-ly-phan-anh/<case id>` → the id; the queue alone → null. */
export function caseIdOf(pathname: string): string | null {
  const m = /^\/xu-ly-phan-anh\/([^/]+)\/?$/.exec(pathname);
  const id = m?.[1];
  return isCaseId(id) ? id : null;
}

export const CONSOLE_PATH = '/xu-ly-phan-anh';

export function casePath(id: string): string {
  return `${CONSOLE_PATH}/${id}`;
}
