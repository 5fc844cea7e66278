import type { ApiConfig } from '@ioc/config';
import type { Pool, StorageMode } from '@ioc/db';
import type {
  DeadLetterRepository,
  DeviceDirectory,
  DeviceRegistrationService,
  DeviceRepository,
  IngestService,
  MetricCatalogue,
  ReadingWriter,
} from '@ioc/ingest';
import type { AuditActor } from '@ioc/auth';
import type { LiveHub, LiveOperations, WallConfigService } from '@ioc/live';
import type { Registry } from 'prom-client';
import type { UnitsService } from '../units/units.service';
import type { AuthContext } from '../auth/auth.context';
import type { IndicatorsService } from '../indicators/indicators.service';

/**
 * Everything one platform process built (composition/platform.ts). Only composition sees it
 * whole: nest-providers.ts hands each controller the one or two services it uses, and tests
 * and benchmarks reach into it as the composition's callers.
 */
export interface PlatformContext {
  config: ApiConfig;
  pool: Pool;
  storage: StorageMode;
  broker: { kind: 'embedded' | 'external'; url: string; port: number | null };
  migrationVersion: number;
  startedAt: Date;
  devices: DeviceRepository;
  directory: DeviceDirectory;
  /** Device registration, placement, edits and token rotation (admin API and CLI share it). */
  registration: DeviceRegistrationService<AuditActor>;
  /** Per-unit wall scene configuration (libs/live wall/). */
  wall: WallConfigService;
  deadLetters: DeadLetterRepository;
  catalogue: MetricCatalogue;
  writer: ReadingWriter;
  ingest: IngestService;
  hub: LiveHub;
  /** Rollups, AQI, fleet health, alerts and notifications (see libs/live). */
  live: LiveOperations;
  units: UnitsService;
  /** Resolution 57 indicators: catalogue, targets, feeds, reports, scorecards (libs/indicators). */
  indicators: IndicatorsService;
  registry: Registry;
  /** Users, sessions, display tokens, the authorizer, the audit trail and the access gate. */
  auth: AuthContext;
  brokerConnected(): boolean;
}

/** Injection token of the whole context: composition only (see nest-providers.ts). */
export const PLATFORM = Symbol('PLATFORM');
