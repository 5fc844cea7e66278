import { cameraListResponse, cameraViewResponse, type CameraViewGrant } from '@ioc/contracts';
import { apiGet, apiReport } from '../api/client';
import { enc } from '../api/call';

/**
 * A short-lived viewing token and the media server's URLs for one camera. Asking is a read of
 * the camera (a wall's display token may do it), sent as POST because each grant is audited.
 */
export async function requestView(
  cameraId: string,
  signal?: AbortSignal,
): Promise<CameraViewGrant> {
  return cameraViewResponse.parse(
    await apiReport(`/api/v1/cameras/${enc(cameraId)}/view`, undefined, signal),
  );
}

/** The cameras the page may see (a ward's screens and users: their ward's), optionally of a unit. */
export async function fetchCameras(unitCode: string | null, signal?: AbortSignal) {
  const q = unitCode ? `?unit=${enc(unitCode)}` : '';
  return cameraListResponse.parse(await apiGet(`/api/v1/cameras${q}`, signal)).items;
}
