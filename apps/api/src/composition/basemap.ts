import { join } from 'node:path';
import type { AuditActor, AuditLog } from '@ioc/auth';
import { BasemapService } from '@ioc/basemap';
import type { Pool } from '@ioc/db';
import type { UnitDirectory } from '@ioc/geo';

/** Where the platform keeps its basemap archives and which province they must cover. */
export interface BasemapPlace {
  dataDir: string;
  province: string;
}

/**
 * The street basemap (libs/basemap), with the province's bounds from the one unit tree. The CLI
 * and the server build it alike over the same DATA_DIR: the CLI writes the archive there and the
 * server reads the active one from the database on each request, so an import needs no restart.
 */
export function basemapService(
  pool: Pool,
  units: Pick<UnitDirectory, 'bounds'>,
  audit: AuditLog,
  place: BasemapPlace,
): BasemapService<AuditActor> {
  return new BasemapService<AuditActor>(pool, {
    dir: join(place.dataDir, 'basemap'),
    region: { code: place.province, bounds: () => units.bounds(place.province) },
    audit,
  });
}
