import type { CameraView } from '@ioc/contracts';
import { useResource } from '../api/useResource';
import { fetchCameras } from './cameraApi';

/** Cameras come and go rarely; a wall picks up a newly registered one within minutes. */
export const CAMERAS_REFRESH_MS = 5 * 60_000;

/**
 * The cameras the page may see, of `unitCode` when given (its wards included). Off (`enabled`
 * false) the list is not fetched at all: a wall scene without cameras asks nothing.
 */
export function useCameras(unitCode: string | null, enabled = true) {
  return useResource<CameraView[], 'failed'>(
    `cameras:${unitCode ?? '*'}`,
    (signal) => fetchCameras(unitCode, signal),
    { classify: () => 'failed', drops: () => false, refreshMs: CAMERAS_REFRESH_MS, enabled },
  );
}
