import type { TaskStatus } from '@ioc/contracts';

/** The administrative units tasks are led by (geo's UnitDirectory satisfies it). */
export interface TaskUnits {
  exists(code: string): Promise<boolean>;
  /** The unit and every unit below it. */
  selfAndDescendants(code: string): Promise<string[]>;
  get(code: string): Promise<{ name: string } | null>;
}

/** The offices tasks may be led by (libs/org's OfficeService; composition plugs it). */
export interface TaskOffices {
  /** The unit of an office; undefined when there is no such office. */
  unitOf(officeId: string): Promise<string | undefined>;
  namesOf(officeIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** The office a plan's lead cell names, created if missing; null for several agencies. */
  ensureForLead(unitCode: string, leadVi: string | null): Promise<string | null>;
}

/** Who acts, as the audit trail and the task updates name them (libs/auth's AuditActor fits). */
export interface TaskActor {
  actor: string;
}

/** What subscribers learn after each committed change of a task (libs/live sends it on WS). */
export interface TaskChanged {
  taskId: string;
  code: string;
  leadUnitCode: string;
  status: TaskStatus;
  progress: number;
  updatedAt: string;
}
