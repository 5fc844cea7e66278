import { randomBytes } from 'node:crypto';
import type { ApiConfig } from '@ioc/config';
import type { Pool } from '@ioc/db';
import type { AuditActor, AuditLog } from '@ioc/auth';
import { CameraService, CameraViewingService } from '@ioc/cameras';
import type { UnitDirectory } from '@ioc/geo';

/** The camera registry (libs/cameras): what the API's camera routes and the media hook use. */
export interface CameraParts {
  registry: CameraService<AuditActor>;
  viewing: CameraViewingService<AuditActor>;
}

type CameraConfig = Pick<
  ApiConfig,
  | 'MEDIA_WHEP_URL'
  | 'MEDIA_HLS_URL'
  | 'CAMERA_VIEW_TOKEN_TTL_S'
  | 'CAMERA_TOKEN_SECRET'
  | 'MEDIA_PUBLISH_USER'
  | 'MEDIA_PUBLISH_PASSWORD'
>;

/** The registry's one write path, for the API and `ioc cameras` alike (composition/services.ts). */
export function cameraRegistry(
  pool: Pool,
  units: UnitDirectory,
  audit: AuditLog,
  clock?: () => Date,
): CameraService<AuditActor> {
  return new CameraService<AuditActor>(pool, {
    geo: { locate: (lon, lat) => units.locateAsync(lon, lat), exists: (c) => units.exists(c) },
    units,
    audit,
    ...(clock ? { now: clock } : {}),
  });
}

/** The registry with its viewing side, which needs the signing key (read once at start). */
export async function cameraParts(
  registry: CameraService<AuditActor>,
  audit: AuditLog,
  config: CameraConfig,
  clock?: () => Date,
): Promise<CameraParts> {
  // No default secret: the configured one, else a random key made once and kept in the database.
  const secret =
    config.CAMERA_TOKEN_SECRET ??
    (await registry.repo.tokenKey(randomBytes(32).toString('base64url')));
  const publisher =
    config.MEDIA_PUBLISH_USER !== undefined && config.MEDIA_PUBLISH_PASSWORD !== undefined
      ? { user: config.MEDIA_PUBLISH_USER, password: config.MEDIA_PUBLISH_PASSWORD }
      : undefined;
  const viewing = new CameraViewingService<AuditActor>({
    repo: registry.repo,
    secret,
    media: { whepUrl: config.MEDIA_WHEP_URL, hlsUrl: config.MEDIA_HLS_URL },
    ttlSeconds: config.CAMERA_VIEW_TOKEN_TTL_S,
    publisher,
    audit,
    ...(clock ? { now: clock } : {}),
  });
  return { registry, viewing };
}
