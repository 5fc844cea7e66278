import type { AuditEvent, AuditSink } from '@ioc/contracts';
import { createMigratedPglite, type DisposableDb, type Queryable } from '@ioc/db';
import type {
  OpenTask,
  OwedIndicator,
  ReportingIndicators,
  ReportingTasks,
  ReportingUnit,
  ReportingUnits,
  TaskProgress,
} from '../ports';

// Test-only: an in-process PostgreSQL with every migration, and in-memory ports.

export type TestDb = DisposableDb;
export const createTestDb = createMigratedPglite;

/** Empties the reporting and office tables (one database per file, reset per test). */
export async function resetReporting(db: Queryable): Promise<void> {
  await db.query(
    `TRUNCATE report_reminder, report_event, report_period, report_schedule, office_member, office
     RESTART IDENTITY CASCADE`,
  );
}

export const UNITS: ReportingUnit[] = [
  { code: '48', name: 'Thành phố Đà Nẵng', level: 'province', parentCode: null },
  { code: '20314', name: 'Phường Hải Châu', level: 'ward', parentCode: '48' },
  { code: '20275', name: 'Phường Thanh Khê', level: 'ward', parentCode: '48' },
];

export function fakeUnits(units: readonly ReportingUnit[] = UNITS): ReportingUnits {
  return {
    get: (code) => Promise.resolve(units.find((u) => u.code === code) ?? null),
    selfAndDescendants: (code) =>
      Promise.resolve(
        units.filter((u) => u.code === code || u.parentCode === code).map((u) => u.code),
      ),
  };
}

export function indicator(
  code: string,
  reported: boolean,
  extra: Partial<OwedIndicator> = {},
): OwedIndicator {
  return {
    indicatorCode: code,
    nameVi: `Chỉ tiêu ${code}`,
    nameEn: null,
    measureUnit: 'percent',
    direction: 'increase',
    reported,
    value: reported ? 42.5 : null,
    target: 80,
    status: reported ? 'at_risk' : 'no_data',
    source: 'KH 20/KH-UBND',
    ...extra,
  };
}

/** Indicators owed per unit code; mutate the map to change what is reported. */
export function fakeIndicators(owed: Map<string, OwedIndicator[]>): ReportingIndicators {
  return { owedFor: (unitCode) => Promise.resolve(owed.get(unitCode) ?? []) };
}

export function fakeTasks(tasks: OpenTask[] = [], progress: TaskProgress[] = []): ReportingTasks {
  return {
    openTasksOf: (unit) => Promise.resolve(tasks.filter((t) => t.leadUnitCode === unit)),
    progressIn: (ids, start, end) =>
      Promise.resolve(
        progress.filter((p) => {
          const day = p.at.toISOString().slice(0, 10);
          return ids.includes(p.taskId) && day >= start && day <= end;
        }),
      ),
  };
}

export interface RecordingAudit extends AuditSink<string> {
  events: (AuditEvent & { actor: string })[];
}

export function recordingAudit(): RecordingAudit {
  const events: (AuditEvent & { actor: string })[] = [];
  return {
    events,
    record: (actor, event) => {
      events.push({ actor, ...event });
      return Promise.resolve();
    },
  };
}

/** A clock the test moves. */
export function testClock(iso: string): { now: () => Date; set(iso: string): void } {
  let t = new Date(iso);
  return {
    now: () => t,
    set(next) {
      t = new Date(next);
    },
  };
}
