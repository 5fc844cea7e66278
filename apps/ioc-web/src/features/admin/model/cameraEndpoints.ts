import {
  cameraListResponse,
  cameraSchema,
  cameraViewResponse,
  unitLocateResponse,
  type CameraCreate,
  type CameraPatch,
} from '@ioc/contracts';
import { call, enc } from '../../../shared/api/call';

// The camera registry as the admin section calls it (docs/cameras.md). Every answer is read with
// the contract schema: none of them carries a credential, only `hasCredentials`.

export async function fetchCameras(unit: string, signal?: AbortSignal) {
  const body = await call('GET', `/api/v1/cameras?unit=${enc(unit)}`, { signal });
  return cameraListResponse.parse(body).items;
}

export async function createCamera(body: CameraCreate) {
  return cameraSchema.parse(await call('POST', '/api/v1/cameras', { body }));
}

export async function updateCamera(id: string, body: CameraPatch) {
  return cameraSchema.parse(await call('PATCH', `/api/v1/cameras/${enc(id)}`, { body }));
}

export async function deleteCamera(id: string): Promise<void> {
  await call('DELETE', `/api/v1/cameras/${enc(id)}`);
}

/** A viewing token and the media server's browser URLs, as a wall tile would get them. */
export async function requestCameraView(id: string, signal?: AbortSignal) {
  return cameraViewResponse.parse(
    await call('POST', `/api/v1/cameras/${enc(id)}/view`, { signal }),
  );
}

/** The unit holding a point, as the API will decide it when the camera is saved. */
export async function locateUnit(lon: number, lat: number, signal?: AbortSignal) {
  const q = new URLSearchParams({ lon: String(lon), lat: String(lat) });
  return unitLocateResponse.parse(
    await call('GET', `/api/v1/units/locate?${q.toString()}`, { signal }),
  ).unit;
}
