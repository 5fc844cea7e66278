import type { IndicatorStatus, ReportChanged } from '@ioc/contracts';
import type { ReportingPeriod } from './period/periods';

/** An indicator value a reporter owes for a period (from libs/indicators, via composition). */
export interface OwedIndicator {
  indicatorCode: string;
  nameVi: string;
  nameEn: string | null;
  /** Đơn vị tính as the catalogue has it (percent, count, …). */
  measureUnit: string;
  direction: string | null;
  /** A current report row exists for (indicator, unit, period). */
  reported: boolean;
  value: number | null;
  target: number | null;
  status: IndicatorStatus;
  source: string | null;
}

/** What indicators a unit reports and which it has reported for the period. */
export interface ReportingIndicators {
  owedFor(unitCode: string, period: ReportingPeriod): Promise<OwedIndicator[]>;
}

/** An open plan task of a reporter (libs/tasks, via composition). */
export interface OpenTask {
  taskId: string;
  code: string;
  titleVi: string;
  leadVi: string | null;
  leadUnitCode: string;
  dueDate: string | null;
  status: string;
  progress: number;
}

/** The last progress posted on a task within a period. */
export interface TaskProgress {
  taskId: string;
  at: Date;
  progress: number;
  note: string | null;
}

export interface ReportingTasks {
  openTasksOf(unitCode: string, officeId: string | null): Promise<OpenTask[]>;
  progressIn(taskIds: readonly string[], start: string, end: string): Promise<TaskProgress[]>;
}

export interface ReportingUnit {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

/** The unit tree (libs/geo UnitDirectory, via composition). */
export interface ReportingUnits {
  get(code: string): Promise<ReportingUnit | null>;
  selfAndDescendants(code: string): Promise<string[]>;
}

/** Who is acting, as the lib needs it: the name for the records, and whether office rules apply. */
export interface ReportingActor {
  /** Stable id written to report_event.actor and submitted_by/approved_by (the username). */
  username: string;
  /**
   * Ward roles review only as members of the schedule's compiling office (the ward's VH-XH);
   * province roles and admin review any report in their scope.
   */
  reviewsOnlyAsCompiler: boolean;
}

/** What the lib tells the platform after each committed step: the WebSocket message's body. */
export type ReportChange = ReportChanged;
