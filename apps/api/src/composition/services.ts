import type { ApiConfig } from '@ioc/config';
import type { Pool } from '@ioc/db';
import { AuditLog, createAuthServices, type AuditActor, type AuthServices } from '@ioc/auth';
import { UnitDirectory, UnitImportService } from '@ioc/geo';
import { CatalogueAdminService, FeedAdminService, IndicatorSeedService } from '@ioc/indicators';
import {
  DeadLetterRepository,
  DeviceRegistrationService,
  DeviceRepository,
  type RegistrationGeo,
} from '@ioc/ingest';
import { buildReporting, type ReportingParts } from './reporting';

/**
 * The services that need only the database and the unit tree: built the same way for the
 * server (composition/domain.ts) and the `ioc` CLI (cli-services below), so a command and an
 * API call go through one write path with one validation and one audit trail.
 */
export interface StoreServices {
  units: UnitDirectory;
  unitImport: UnitImportService;
  devices: DeviceRepository;
  deadLetters: DeadLetterRepository;
  audit: AuditLog;
  indicatorSeed: IndicatorSeedService;
  indicatorCatalogue: CatalogueAdminService;
  feeds: FeedAdminService;
}

export function storeServices(pool: Pool, units: UnitDirectory): StoreServices {
  return {
    units,
    unitImport: new UnitImportService(pool, units),
    devices: new DeviceRepository(pool),
    deadLetters: new DeadLetterRepository(pool),
    audit: new AuditLog(pool),
    indicatorSeed: new IndicatorSeedService(pool, units),
    indicatorCatalogue: new CatalogueAdminService(pool, units),
    feeds: new FeedAdminService(pool, units),
  };
}

/** The device registry's write side (admin API and CLI). */
export function deviceRegistration(
  store: Pick<StoreServices, 'devices' | 'audit'>,
  geo: RegistrationGeo,
  onChanged?: (id: string, change: { tokenChanged: boolean }) => void,
): DeviceRegistrationService<AuditActor> {
  return new DeviceRegistrationService<AuditActor>({
    repo: store.devices,
    geo,
    audit: store.audit,
    ...(onChanged ? { onChanged } : {}),
  });
}

/** What `ioc` commands work with: the store services, the registry and the account services. */
export interface CliServices extends StoreServices {
  registration: DeviceRegistrationService<AuditActor>;
  auth: AuthServices;
  /** The reporting cycle (`ioc reports …`), built as the server builds it. */
  reportingCycle: ReportingParts;
}

export function cliServices(
  pool: Pool,
  mail: Pick<ApiConfig, 'SMTP_URL' | 'SMTP_FROM'> = { SMTP_FROM: 'IOC <no-reply@localhost>' },
): CliServices {
  // The one unit tree of this run: read on first use, invalidated when a command writes units.
  const store = storeServices(pool, new UnitDirectory(pool));
  return {
    ...store,
    reportingCycle: buildReporting(pool, { units: store.units, audit: store.audit, config: mail }),
    // The point index is read only when a command places a device by its position.
    registration: deviceRegistration(store, {
      locate: (lon, lat) => store.units.locateAsync(lon, lat),
      exists: (code) => store.units.exists(code),
    }),
    // Account commands never resolve unit scopes, so no tree is needed; lockout settings are the
    // API's defaults (the CLI signs nobody in).
    auth: createAuthServices(
      pool,
      { parentOf: () => null },
      { sessionTtlHours: 12, maxAttempts: 5, maxAttemptsPerIp: 50, lockoutMinutes: 15 },
    ),
  };
}
