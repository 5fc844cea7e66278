import { cameraEventCountsResponse, type CameraEventType } from '@ioc/contracts';
import { apiGet } from './client';

export interface CameraEventCounts {
  unit: string;
  buckets: {
    hour: string;
    type: CameraEventType;
    direction: 'in' | 'out' | null;
    count: number;
  }[];
  asOf: string;
}

const enc = encodeURIComponent;

/** AI-camera events per hour, type and direction of a unit (GET /api/v1/camera-events/counts). */
export async function fetchCameraEventCounts(
  unit: string,
  hours: number,
  signal?: AbortSignal,
): Promise<CameraEventCounts> {
  const body = await apiGet(
    `/api/v1/camera-events/counts?unit=${enc(unit)}&hours=${hours}`,
    signal,
  );
  return cameraEventCountsResponse.parse(body);
}
