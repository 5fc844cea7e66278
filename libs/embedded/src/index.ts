export {
  embeddedDatabaseExists,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from './embedded-postgres';
export {
  startEmbeddedBroker,
  type AcceptedPublish,
  type EmbeddedBroker,
  type BrokerPolicy,
} from './embedded-broker';
