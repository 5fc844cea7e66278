/**
 * Port: what the work-alert timer asks the tasks, reporting and citizen-report services. A signal is one
 * overdue task or one late report period; `key` is stable for as long as the condition lasts
 * (one alert per rule and key) and should read well in an alert list, e.g. `task:<code>` or
 * `report:<unitCode>:<period>`.
 */
export interface WorkSignal {
  key: string;
  /** The responsible unit (a task's lead unit, a report's reporting unit). */
  unitCode: string;
  /** Shown in the alert message (task title, "Phường X — kỳ 2026-11"). */
  title: string;
  /** `YYYY-MM-DD`. */
  dueDate: string;
}

export interface WorkSignals {
  /** Tasks past their due date (Asia/Ho_Chi_Minh) and neither done nor cancelled, at `now`. */
  overdueTasks(now: Date): Promise<WorkSignal[]>;
  /** Report periods past their due date still open, returned or reopened, at `now`. */
  lateReports(now: Date): Promise<WorkSignal[]>;
  /**
   * Citizen reports (phản ánh hiện trường) past their deadline and still received, assigned or
   * in progress at `now`; key `citizen:<code>`, dueDate the deadline's day in Viet Nam.
   */
  overdueCitizenReports(now: Date): Promise<WorkSignal[]>;
  /**
   * Public-service dossiers (libs/dossiers) past due and not finished at `now`; key
   * `dossier:<code>`, dueDate the due day in Viet Nam.
   */
  overdueDossiers(now: Date): Promise<WorkSignal[]>;
}

/** Nothing to watch (until the tasks and reporting services are plugged in). */
export const NO_WORK_SIGNALS: WorkSignals = Object.freeze({
  overdueTasks: () => Promise.resolve([]),
  lateReports: () => Promise.resolve([]),
  overdueCitizenReports: () => Promise.resolve([]),
  overdueDossiers: () => Promise.resolve([]),
});
