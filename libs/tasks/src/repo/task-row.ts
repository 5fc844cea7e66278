import type { TaskCadence } from '@ioc/contracts';
import type { StoredTaskStatus } from '../status';

/** A task as stored, with the time of its last progress update. */
export interface TaskRecord {
  id: string;
  code: string;
  source: string | null;
  number: string | null;
  groupVi: string | null;
  parentVi: string | null;
  titleVi: string;
  titleEn: string | null;
  detailVi: string | null;
  areaCode: string;
  leadUnitCode: string;
  leadOfficeId: string | null;
  leadVi: string | null;
  leadUncertain: boolean;
  cooperatingVi: string | null;
  supervisorVi: string | null;
  periodVi: string | null;
  dueDate: string | null;
  recurring: boolean;
  cadence: TaskCadence | null;
  productVi: string | null;
  kpiVi: string | null;
  relatedIndicators: string[];
  ref: string | null;
  notes: string | null;
  status: StoredTaskStatus;
  progress: number;
  cancelReason: string | null;
  updatedAt: string;
  lastUpdateAt: string | null;
}

export interface TaskRow {
  id: string;
  code: string;
  source: string | null;
  number: string | null;
  group_vi: string | null;
  parent_vi: string | null;
  title_vi: string;
  title_en: string | null;
  detail_vi: string | null;
  area_code: string;
  lead_unit_code: string;
  lead_office_id: string | null;
  lead_vi: string | null;
  lead_uncertain: boolean;
  cooperating_vi: string | null;
  supervisor_vi: string | null;
  period_vi: string | null;
  due: string | null;
  recurring: boolean;
  cadence: TaskCadence | null;
  product_vi: string | null;
  kpi_vi: string | null;
  related_indicators: string[];
  ref: string | null;
  notes: string | null;
  status: StoredTaskStatus;
  progress: number;
  cancel_reason: string | null;
  updated_at: Date;
  last_update_at: Date | null;
}

/** Columns of a TaskRow from `task t` (dates as text: no time zone games with `date`). */
export const TASK_COLUMNS = `t.id::text AS id, t.code, t.source, t.number, t.group_vi, t.parent_vi,
  t.title_vi, t.title_en, t.detail_vi, t.area_code, t.lead_unit_code, t.lead_office_id, t.lead_vi,
  t.lead_uncertain, t.cooperating_vi, t.supervisor_vi, t.period_vi, to_char(t.due_date, 'YYYY-MM-DD') AS due,
  t.recurring, t.cadence, t.product_vi, t.kpi_vi, t.related_indicators, t.ref, t.notes, t.status,
  t.progress, t.cancel_reason, t.updated_at,
  (SELECT max(u.at) FROM task_update u WHERE u.task_id = t.id) AS last_update_at`;

const iso = (d: Date) => new Date(d).toISOString();

export function toTaskRecord(r: TaskRow): TaskRecord {
  return {
    id: r.id,
    code: r.code,
    source: r.source,
    number: r.number,
    groupVi: r.group_vi,
    parentVi: r.parent_vi,
    titleVi: r.title_vi,
    titleEn: r.title_en,
    detailVi: r.detail_vi,
    areaCode: r.area_code,
    leadUnitCode: r.lead_unit_code,
    leadOfficeId: r.lead_office_id,
    leadVi: r.lead_vi,
    leadUncertain: r.lead_uncertain,
    cooperatingVi: r.cooperating_vi,
    supervisorVi: r.supervisor_vi,
    periodVi: r.period_vi,
    dueDate: r.due,
    recurring: r.recurring,
    cadence: r.cadence,
    productVi: r.product_vi,
    kpiVi: r.kpi_vi,
    relatedIndicators: r.related_indicators,
    ref: r.ref,
    notes: r.notes,
    status: r.status,
    progress: r.progress,
    cancelReason: r.cancel_reason,
    updatedAt: iso(r.updated_at),
    lastUpdateAt: r.last_update_at === null ? null : iso(r.last_update_at),
  };
}

/** The SQL of the status a person sees (see status.ts), given the parameter holding today. */
export function statusSql(today: string): string {
  return `CASE WHEN t.status IN ('not_started', 'in_progress') AND t.due_date < ${today}::date
    THEN 'overdue' ELSE t.status END`;
}
