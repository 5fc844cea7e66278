import type { ApiConfig } from '@ioc/config';
import type { Pool } from '@ioc/db';
import { Logger } from '@nestjs/common';
import { SYSTEM_ACTOR, type AuditActor, type AuditLog } from '@ioc/auth';
import type { UnitDirectory } from '@ioc/geo';
import { IndicatorViewsService, ReportRepository } from '@ioc/indicators';
import {
  ReminderScheduler,
  ReportExportService,
  ReportingService,
  ScheduleService,
  SmtpMailer,
  type MailTransport,
  WebhookSender,
  type ReportChange,
  type ReportingTasks,
} from '@ioc/reporting';
import { reportingIndicators } from './reporting-ports';
import { smtpTransport } from './smtp';

/** The reporting cycle of one process (libs/reporting), as API, CLI and tests use it. */
const log = new Logger('reporting');

export interface ReportingParts {
  reporting: ReportingService<AuditActor>;
  schedules: ScheduleService<AuditActor>;
  exports: ReportExportService;
  /** Reminders and late notices; the platform ticks it every REMINDER_INTERVAL_S. */
  reminders: ReminderScheduler;
  close(): Promise<void>;
}

// Without a task port (unit tests of the composition), a reporter owes no task progress.
export const NO_TASKS: ReportingTasks = {
  openTasksOf: () => Promise.resolve([]),
  progressIn: () => Promise.resolve([]),
};

export function buildReporting(
  pool: Pool,
  deps: {
    units: UnitDirectory;
    audit: AuditLog;
    config: Pick<ApiConfig, 'SMTP_URL' | 'SMTP_FROM'>;
    /** The process's SMTP transport (shared with alert e-mail); absent: made from the config. */
    smtp?: MailTransport | null;
    tasks?: ReportingTasks;
    /** Time of the reporting cycle (tests move it; production reads the system clock). */
    clock?: () => Date;
    onReportChanged?: (change: ReportChange) => void;
  },
): ReportingParts {
  const clock = deps.clock ?? (() => new Date());
  const indicators = reportingIndicators(
    new IndicatorViewsService(pool, deps.units, { clock }),
    new ReportRepository(pool),
  );
  const tasks = deps.tasks ?? NO_TASKS;
  const reporting = new ReportingService<AuditActor>(pool, {
    units: deps.units,
    indicators,
    tasks,
    audit: deps.audit,
    clock,
    ...(deps.onReportChanged ? { onReportChanged: deps.onReportChanged } : {}),
  });
  const smtp = deps.smtp !== undefined ? deps.smtp : smtpTransport(deps.config);
  const mailer = smtp === null ? null : new SmtpMailer(smtp, deps.config.SMTP_FROM);
  const reminders = new ReminderScheduler(
    pool,
    reporting,
    { email: mailer, webhook: new WebhookSender() },
    clock,
  );
  return {
    reporting,
    schedules: new ScheduleService<AuditActor>(pool, deps.units, deps.audit),
    exports: new ReportExportService(pool, { units: deps.units, indicators, tasks, clock }),
    reminders,
    async close() {
      await reminders.stop();
      mailer?.close();
    },
  };
}

/** Every ward of the province reports monthly by the 15th unless it already has a schedule. */
export async function ensureDefaultSchedules(
  reportingCycle: ReportingParts,
  units: UnitDirectory,
  config: ApiConfig,
): Promise<void> {
  const wards = (await units.selfAndDescendants(config.IOC_PROVINCE)).filter(
    (code) => code !== config.IOC_PROVINCE,
  );
  const added = await reportingCycle.schedules.ensureDefaults(wards, SYSTEM_ACTOR);
  if (added > 0) log.log(`reporting: ${added} units report monthly by the 15th (default schedule)`);
}
