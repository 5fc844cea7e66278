// Periods and the state machine (pure).
export {
  addDays,
  cadenceOf,
  daysBetween,
  dueDateOf,
  isLate,
  isOutstanding,
  parseReportingPeriod,
  periodContaining,
  reportedPeriodOn,
  vnDay,
  type ReportingPeriod,
} from './period/periods';
export { REASON_REQUIRED, nextState } from './period/state-machine';

// Ports the composition plugs (indicators, tasks, units) and what the lib tells it.
export type {
  OpenTask,
  OwedIndicator,
  ReportChange,
  ReportingActor,
  ReportingIndicators,
  ReportingTasks,
  ReportingUnit,
  ReportingUnits,
  TaskProgress,
} from './ports';

// Services (API, CLI and the reminder timer share them).
export {
  ReportingService,
  type PeriodQuery,
  type ReportingDeps,
} from './services/reporting.service';
export { ScheduleService } from './services/schedule.service';
export { ReportExportService, type ExportQuery } from './export/export.service';
export {
  INDICATOR_HEADERS,
  INDICATOR_SHEET,
  INDICATOR_STATUS_VI,
  TASK_HEADERS,
  TASK_SHEET,
  TASK_STATUS_VI,
} from './export/xlsx';

// Reminders: the scheduler and its channels.
export {
  LATE_DAYS_BEFORE,
  ReminderScheduler,
  dueReminder,
  type Delivery,
  type ReminderChannels,
  type TickResult,
} from './reminders/reminder-scheduler';
export { dayVi, periodLabelVi, reminderMessage, type ReminderMessage } from './reminders/messages';
export { SmtpMailer, type MailTransport } from './reminders/smtp-mailer';
export { WebhookSender } from './reminders/webhook-sender';
export { ReminderRepository, type StoredReminder } from './repo/reminder.repository';
