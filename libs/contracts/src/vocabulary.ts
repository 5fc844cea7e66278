/**
 * The closed word lists the server and the web share: roles, statuses, severities. Each is the
 * one declaration; zod enums in the HTTP contracts and the domain libs' types derive from these.
 */

/** People's roles. Operators work alerts; leaders read; admin does everything. */
export const ROLES = [
  'admin',
  'province_leader',
  'province_operator',
  'ward_leader',
  'ward_operator',
] as const;
export type Role = (typeof ROLES)[number];

/** Levels of administrative units since 1 July 2025 (two-level local government). */
export const UNIT_LEVELS = ['province', 'ward', 'commune', 'special_zone'] as const;

/** Alert severities, lowest first (see libs/live alerts/severity.ts for what each means). */
export const ALERT_SEVERITIES = ['info', 'warning', 'critical', 'emergency'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** The alert lifecycle (libs/live alerts/alert.ts); `active` in queries = the first three. */
export const ALERT_STATUSES = [
  'open',
  'acknowledged',
  'in_progress',
  'resolved',
  'closed',
] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Operator actions on an alert: `POST /api/v1/alerts/{id}/{action}`. */
export const ALERT_ACTIONS = [
  'acknowledge',
  'start',
  'resolve',
  'close',
  'assign',
  'note',
  'reopen',
  'escalate',
] as const;
export type AlertActionName = (typeof ALERT_ACTIONS)[number];

/** The statuses that are still someone's work (`status=active` in queries). */
export const ACTIVE_ALERT_STATUSES: readonly AlertStatus[] = [
  'open',
  'acknowledged',
  'in_progress',
];

/**
 * The statuses each action is legal from: the API refuses others with 409, and a screen offers
 * only these (one table for both).
 */
export const ALERT_ACTION_FROM: Readonly<Record<AlertActionName, readonly AlertStatus[]>> = {
  acknowledge: ['open'],
  // Starting work implies having seen the alert, so it is allowed straight from open.
  start: ['open', 'acknowledged'],
  assign: ACTIVE_ALERT_STATUSES,
  // Notes are allowed on every status: post-incident remarks go on closed alerts too.
  note: ALERT_STATUSES,
  // Resolving straight from open covers false alarms and conditions fixed before anyone looked.
  resolve: ACTIVE_ALERT_STATUSES,
  close: ['resolved'],
  reopen: ['resolved'],
  escalate: ACTIVE_ALERT_STATUSES,
};

/**
 * Reading kinds are evaluated per device as data arrives (no_data on a timer); work kinds
 * (`task_overdue`, `report_late`, `citizen_overdue`, `dossier_overdue`) on a timer over plan
 * tasks, reporting periods, citizen reports and public-service dossiers.
 */
export const ALERT_RULE_KINDS = [
  'threshold',
  'levels',
  'rate',
  'no_data',
  'aqi',
  'task_overdue',
  'report_late',
  'citizen_overdue',
  'dossier_overdue',
] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];
export const WORK_RULE_KINDS = [
  'task_overdue',
  'report_late',
  'citizen_overdue',
  'dossier_overdue',
] as const;
export type WorkRuleKind = (typeof WORK_RULE_KINDS)[number];

/** Status of an indicator against its target (libs/indicators STATUS.md). */
export const INDICATOR_STATUSES = [
  'on_track',
  'at_risk',
  'off_track',
  'no_data',
  'no_target',
] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** Device liveness from last_seen against the expected interval (libs/live fleet/status.ts). */
/** `never`: registered but not heard from yet (being installed, wrong credentials) — not a lost signal. */
export const DEVICE_STATUSES = ['online', 'late', 'offline', 'never'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** How often a report feed is due. */
export const FEED_CADENCES = ['monthly', 'quarterly', 'yearly'] as const;
export type FeedCadence = (typeof FEED_CADENCES)[number];

/** Rollup bucket sizes. */
export const BUCKET_SIZES = ['1m', '1h', '1d'] as const;
export type BucketSize = (typeof BUCKET_SIZES)[number];

/**
 * A plan task's status (libs/tasks). `overdue` is never stored: it is computed when the due date
 * (Asia/Ho_Chi_Minh) has passed and the task is neither done nor cancelled.
 */
export const TASK_STATUSES = [
  'not_started',
  'in_progress',
  'done',
  'overdue',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** How often a recurring plan task comes back; `continuous` is the plans' "thường xuyên". */
export const TASK_CADENCES = [
  'annual',
  'semiannual',
  'quarterly',
  'monthly',
  'continuous',
] as const;
export type TaskCadence = (typeof TASK_CADENCES)[number];

/**
 * Kinds of offices below a unit that tasks and reports are assigned to: a provincial department
 * (Sở, ban, ngành), the People's Committee office (Văn phòng UBND), the ward's culture-and-society
 * office (Phòng Văn hóa – Xã hội), the public service centre (Trung tâm Phục vụ hành chính công),
 * the police (Công an), the ward's economic office (Phòng Kinh tế), other.
 */
export const OFFICE_KINDS = [
  'department',
  'people_committee_office',
  'culture_society',
  'public_service_center',
  'police',
  'economic',
  'other',
] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

/** How often a unit reports in the reporting cycle: the feed cadences (libs/reporting). */
export const REPORT_CADENCES = FEED_CADENCES;
export type ReportCadence = FeedCadence;

/**
 * The state of one reporting period (libs/reporting). `late` is never stored: a period past its
 * due date that is still `open`, `returned` or `reopened` is late.
 */
export const REPORT_STATES = ['open', 'submitted', 'returned', 'approved', 'reopened'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** Steps on a reporting period: `POST /api/v1/reports/periods/{id}/{action}`. */
export const REPORT_ACTIONS = ['submit', 'return', 'approve', 'reopen'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/**
 * A citizen report's status (libs/citizen). A transfer is an event, not a status: the case moves
 * to another unit and is `received` there again. `overdue` is never stored (deadline passed while
 * open).
 */
export const CITIZEN_STATUSES = [
  'received',
  'assigned',
  'in_progress',
  'resolved',
  'rejected',
] as const;
export type CitizenStatus = (typeof CITIZEN_STATUSES)[number];

/** The statuses of a case still being handled: in the queue, counted for deadlines and alerts. */
export const CITIZEN_OPEN_STATUSES = ['received', 'assigned', 'in_progress'] as const;

/** What happened to a case: one `citizen_event` row each. */
export const CITIZEN_EVENT_KINDS = [
  'received',
  'assigned',
  'started',
  'commented',
  'resolved',
  'rejected',
  'transferred',
  'reopened',
  'rated',
  'marked_spam',
  'unmarked_spam',
  'duplicate_linked',
] as const;
export type CitizenEventKind = (typeof CITIZEN_EVENT_KINDS)[number];

/** Moderation of a report: `spam` leaves the queue, the stats and the public map. */
export const CITIZEN_MODERATION = ['ok', 'spam'] as const;
export type CitizenModeration = (typeof CITIZEN_MODERATION)[number];

/** Photos of a case: the resident's (`report`) and the handler's after-photos (`resolution`). */
export const CITIZEN_PHOTO_KINDS = ['report', 'resolution'] as const;
export type CitizenPhotoKind = (typeof CITIZEN_PHOTO_KINDS)[number];

/** Staff steps on a case: `POST /api/v1/citizen/reports/{id}/{action}`. */
export const CITIZEN_ACTIONS = [
  'assign',
  'start',
  'resolve',
  'reject',
  'transfer',
  'comment',
  'spam',
] as const;
export type CitizenAction = (typeof CITIZEN_ACTIONS)[number];

/** What a registered camera watches (issue 15): the layer and the grid scenes group by it. */
export const CAMERA_KINDS = ['traffic', 'security', 'port', 'flood'] as const;
export type CameraKind = (typeof CAMERA_KINDS)[number];

/** A camera's stream as last seen by the platform; `unknown` until someone checked it. */
export const CAMERA_STATUSES = ['unknown', 'online', 'offline'] as const;
export type CameraStatus = (typeof CAMERA_STATUSES)[number];

/**
 * What the media server asks its HTTP auth hook about (MediaMTX `authMethod: http`): the
 * platform allows `read` with a viewing token and `publish` with the publisher's credential.
 */
export const MEDIA_ACTIONS = ['publish', 'read', 'playback', 'api', 'metrics', 'pprof'] as const;
export type MediaAction = (typeof MEDIA_ACTIONS)[number];

/**
 * What an AI camera reports (issue 15.3), whatever the vendor: a plate read, a vehicle or a
 * person crossing, smoke, fire, an intrusion into a zone, a crowd, or anything else (`other`).
 */
export const CAMERA_EVENT_TYPES = [
  'anpr',
  'vehicle',
  'person',
  'smoke',
  'fire',
  'intrusion',
  'crowd',
  'other',
] as const;
export type CameraEventType = (typeof CAMERA_EVENT_TYPES)[number];

/** Where an event source's notifications come from (docs/cameras.md, "Events"). */
export const CAMERA_EVENT_SOURCE_KINDS = ['hikvision', 'generic', 'frigate', 'onvif'] as const;
export type CameraEventSourceKind = (typeof CAMERA_EVENT_SOURCE_KINDS)[number];

/** A crossing's direction, where the camera knows it (a port gate: in = entering). */
export const CAMERA_EVENT_DIRECTIONS = ['in', 'out'] as const;
export type CameraEventDirection = (typeof CAMERA_EVENT_DIRECTIONS)[number];
