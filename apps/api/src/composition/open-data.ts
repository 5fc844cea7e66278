import type { Pool } from '@ioc/db';
import type { AuditActor, AuditLog } from '@ioc/auth';
import {
  DatasetCatalogueService,
  EMPTY_SNAPSHOT,
  PublicationService,
  type PublicDatastreams,
  type PublicSnapshot,
} from '@ioc/opendata';

/** Open data (libs/opendata): publication control and the dataset catalogue. */
export interface OpenDataParts {
  publication: PublicationService<AuditActor>;
  catalogue: DatasetCatalogueService;
}

export interface OpenDataDeps {
  audit: AuditLog;
  provinceCode: string;
  /** Each new snapshot of what is public (the SensorThings MQTT publisher follows it). */
  onPublicChanged?: (snapshot: PublicSnapshot) => void;
  onBackgroundError?: (err: unknown) => void;
}

export function openDataParts(pool: Pool, deps: OpenDataDeps): OpenDataParts {
  const catalogue = new DatasetCatalogueService(pool, { provinceCode: deps.provinceCode });
  const publication = new PublicationService<AuditActor>(pool, {
    audit: deps.audit,
    onChanged: (snapshot) => {
      // The cached listing names what was public: the next request builds it again.
      catalogue.invalidate();
      deps.onPublicChanged?.(snapshot);
    },
    ...(deps.onBackgroundError ? { onBackgroundError: deps.onBackgroundError } : {}),
  });
  return { publication, catalogue };
}

/** How often the public snapshot is re-read (devices registered or retired by the CLI). */
const PUBLIC_SNAPSHOT_REFRESH_MS = 60_000;

/**
 * Builds the open-data parts at start. The SensorThings MQTT updates check every stored reading
 * against `published`, the newest snapshot of what is public (one Set lookup when nothing is),
 * replaced on every publication change; nothing is public until the first read of the views.
 * A failed periodic refresh keeps the last snapshot.
 */
export async function startOpenData(
  pool: Pool,
  deps: Omit<OpenDataDeps, 'onPublicChanged' | 'onBackgroundError'> & {
    log: { error(m: string): void; warn(m: string): void };
  },
): Promise<{
  openData: OpenDataParts;
  datastreams: PublicDatastreams;
  publicRefresh: NodeJS.Timeout;
}> {
  let published: PublicSnapshot = EMPTY_SNAPSHOT;
  const openData = openDataParts(pool, {
    audit: deps.audit,
    provinceCode: deps.provinceCode,
    onPublicChanged: (snapshot) => {
      published = snapshot;
    },
    onBackgroundError: (err) => {
      deps.log.error(`open data: ${(err as Error).message}`);
    },
  });
  published = await openData.publication.refresh();
  const publicRefresh = setInterval(() => {
    openData.publication.refresh().catch((err: unknown) => {
      deps.log.warn(`open data: publication snapshot not refreshed: ${(err as Error).message}`);
    });
  }, PUBLIC_SNAPSHOT_REFRESH_MS);
  publicRefresh.unref();
  const datastreams: PublicDatastreams = {
    isPublic: (deviceId, metric) =>
      published.devices.has(deviceId) && published.metrics.has(metric),
  };
  return { openData, datastreams, publicRefresh };
}
