export * from './decoders';
export {
  ReadingWriter,
  type EnqueueOptions,
  type WriterOptions,
  type WriterStats,
} from './writer/reading-writer';
export { BackpressureError, IngestUnavailableError } from './writer/backpressure.error';
export {
  MqttCollector,
  type CollectorOptions,
  type CollectorStats,
  type MessageHandler,
} from './mqtt/mqtt-collector';
export {
  parseTopic,
  mayPublish,
  subscriptionFilters,
  TELEMETRY_FILTER,
  GATEWAY_FILTER,
} from './mqtt/topics';
export { generateToken, hashToken, verifyToken, isValidDeviceId } from './devices/credentials';
export {
  DeviceRepository,
  type DeviceRecord,
  type NewDevice,
  type DeviceProfile,
  type DevicePatch,
} from './devices/device.repository';
export {
  DeviceRegistrationService,
  registerDeviceSchema,
  updateDeviceSchema,
  parseDeviceInput,
  type RegisterDeviceInput,
  type UpdateDeviceInput,
  type RegisteredDevice,
  type RegistrationDeps,
  type RegistrationGeo,
  type RegistrationAudit,
} from './devices/device-registration.service';
export { DeviceDirectory } from './devices/device-directory';
export {
  DeadLetterRepository,
  excerpt,
  type DeadLetter,
  type DeadLetterRow,
} from './deadletter/dead-letter.repository';
export { DeadLetterSink } from './deadletter/dead-letter.sink';
export { DeadLetterPruner, type PrunePolicy } from './deadletter/dead-letter.pruner';
export {
  IngestService,
  type IngestDeps,
  type IngestOutcome,
  type IngestLimits,
} from './pipeline/ingest.service';
export { IngestMetrics } from './pipeline/ingest.metrics';
export { MetricCatalogue, type MetricDef } from './pipeline/metric-catalogue';
export {
  AmqpCollector,
  type AmqpCollectorOptions,
  type AmqpCollectorEvents,
  type AmqpCollectorStats,
} from './amqp/amqp-collector';
export {
  RabbitMqAccess,
  type RabbitMqAccessDeps,
  type UserQuestion,
  type VhostQuestion,
  type ResourceQuestion,
  type TopicQuestion,
} from './amqp/rabbitmq-access';
export {
  routingKeyToTopic,
  topicToRoutingKey,
  bindingKeyToFilter,
  filterToBindingKey,
  TELEMETRY_BINDING_KEYS,
} from './amqp/routing-keys';
