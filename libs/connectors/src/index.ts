// Declared data: auth profiles, signing, sealing secrets, paging, parsing, mapping (pure parts).
export {
  AuthApplier,
  fetchOAuthToken,
  splitAuth,
  type AuthSecrets,
  type PublicAuth,
  type TokenFetcher,
} from './auth/auth-profile';
export {
  lgspHmacSigner,
  lgspStringToSign,
  type LgspCredentials,
  type RequestSigner,
  type SignableRequest,
} from './auth/lgsp-signer';
export { SecretBox } from './secrets/secret-box';
export { atPath, parsePage, type ParsedPage, type SourceRecord } from './fetch/parse-body';
export { fillTemplate, firstPage, nextPage, type PageCursor } from './fetch/paging';
export { SourceClient, SourceError, type SourceClientOptions } from './fetch/source-client';
export { RecordMapper, type MapOutcome } from './mapping/mapper';
export { laterWatermark, watermarkTime } from './sync/watermark';
export { fieldsOf, schemaDrift } from './sync/drift';
export { SYNCED_WITHIN_HOURS, syncedShare } from './sync/synced-share';

// Ports the composition plugs.
export type { ConnectorUnits, RecordSink, RecordSinks, RunLineage, SinkResult } from './ports';

// Runs, administration, schedules.
export {
  ConnectorRunner,
  DRY_RUN_RECORDS,
  type DryRunResult,
  type RunnerDeps,
} from './sync/connector-runner';
export {
  ConnectorService,
  connectorView,
  type ConnectorServiceDeps,
} from './services/connector.service';
export { ConnectorScheduler, SCHEDULE_TIMEZONE, checkSchedule, nextRun } from './services/schedule';
export { ConnectorRepository, type StoredConnector } from './repo/connector.repository';
export { RunRepository } from './repo/run.repository';
