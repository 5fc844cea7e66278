import type { Pool } from '@ioc/db';
import type { AuditActor, AuditLog } from '@ioc/auth';
import { DatasetCatalogueService, PublicationService, type PublicSnapshot } from '@ioc/opendata';

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
