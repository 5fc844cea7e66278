export { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
export { startEmbeddedBroker, type EmbeddedBroker, type BrokerPolicy } from './embedded-broker';
