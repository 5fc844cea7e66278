export { LiveHub, type LiveSocket, type HubOptions, type HubStats } from './hub/live-hub';
export { fanOutReadings, publishDeltas, readingDeltas } from './hub/fanout';
export * from './aqi';
export * from './alerts';
export * from './fleet';
export { alertView, type AlertView } from './alerts/alert-view';
export {
  AlertEngine,
  DEFAULT_ENGINE_OPTIONS,
  type AlertEngineOptions,
  type DeviceInfo,
  type DeviceLookup,
  type AlertSink,
} from './alerts/alert-engine.service';
export {
  AlertService,
  ALERT_ACTIONS,
  type AlertActionName,
  type RequestOrigin,
  type RuleView,
  type AlertDetail,
} from './alerts/alert.service';
export { AqiService, type AqiView } from './aqi/aqi.service';
export { LatestRepository, type LatestRow } from './rollups/latest.repository';
export { FleetService, type FleetView } from './fleet/fleet.service';
export {
  RollupService,
  type RollupSeries,
  type LatestView,
  type RollupPoint,
} from './rollups/rollup.service';
export { RollupRepository } from './rollups/rollup.repository';
export { BUCKET_SIZES, bucketStart, type BucketSize } from './rollups/buckets';
export { combine as combineAggregates, meanOf, type Aggregate } from './rollups/aggregate';
export type { RollupUpdate } from './rollups/rollup-push';
export {
  Notifier,
  DEFAULT_NOTIFIER_OPTIONS,
  type NotifierOptions,
} from './notifications/notifier.service';
export { backoffMs, postJson, type DeliveryResult } from './notifications/webhook';
export {
  assignmentMail,
  type AlertMailboxes,
  type AlertMailer,
  type MailContent,
} from './notifications/alert-mail';
export {
  PersonalNotificationService,
  type PersonalNotificationOptions,
} from './notifications/personal.service';
export type { PushSender, PushTarget, PushResult, PushMessage } from './notifications/push';
export { tabletAlertPath } from './notifications/push';
export type { SmsSender, SmsFields } from './notifications/sms';
export {
  LocalBus,
  batchEnvelopes,
  packEnvelopes,
  parseEnvelope,
  type LiveBus,
  type BusItem,
} from './bus/live-bus';
export { PgNotifyBus } from './bus/pg-notify-bus';
export { AmqpBus, type AmqpBusOptions } from './bus/amqp-bus';
export { LiveOperations, type LiveOperationsDeps } from './ops/live-operations';
export { NO_WORK_SIGNALS, type WorkSignal, type WorkSignals } from './alerts/work-signals';
export {
  WorkAlerts,
  DEFAULT_WORK_ALERT_OPTIONS,
  type WorkAlertOptions,
} from './alerts/work-alerts';
export { evaluateWork, daysPastDue, type WorkChange } from './alerts/work-evaluate';
export type { LiveUnits } from './common/query';
export type { LiveLogger } from './common/logger';
export * from './wall';
