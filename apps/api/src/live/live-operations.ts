import { Logger } from '@nestjs/common';
import type { Pool, StorageMode } from '@ioc/db';
import type { DeviceDirectory } from '@ioc/ingest';
import { LiveOperations, type LiveHub } from '@ioc/live';
import type { UnitDirectory } from '@ioc/geo';

/**
 * Builds the live services for the composition root. The bus between API instances is
 * PostgreSQL LISTEN/NOTIFY on the shared database in services mode; the embedded single
 * process needs none (and PGlite is single-session, so it could not hold a LISTEN connection).
 */
export function startLiveOperations(p: {
  pool: Pool;
  storage: StorageMode;
  hub: LiveHub;
  units: UnitDirectory;
  directory: DeviceDirectory;
  /** Database URL for the bus's own LISTEN connection; null in embedded mode. */
  busDatabaseUrl: string | null;
}): Promise<LiveOperations> {
  return LiveOperations.start({
    pool: p.pool,
    storage: p.storage,
    hub: p.hub,
    units: p.units,
    devices: p.directory,
    bus: p.busDatabaseUrl ? { kind: 'pg-notify', url: p.busDatabaseUrl } : { kind: 'local' },
    log: new Logger('live'),
  });
}
