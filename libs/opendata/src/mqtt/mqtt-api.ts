// SensorThings MQTT updates (issue 17): what the platform publishes for readers of public data.
export type { PublicDatastreams, TopicPublisher } from './ports';
export {
  OBSERVATIONS_TOPIC,
  STA_TOPIC_ROOT,
  datastreamId,
  datastreamObservationsTopic,
  observationId,
  observationJson,
} from './observation-message';
export { ObservationPublisher, type ObservationPublisherDeps } from './observation-publisher';
