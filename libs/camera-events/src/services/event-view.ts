import type { CameraEventWire } from '@ioc/contracts';
import type { EventRecord } from '../repo/event.repository';

/** The platform's own route for an event's picture: same scope as the event, no camera address. */
export const snapshotPath = (eventId: string) => `/api/v1/camera-events/${eventId}/snapshot`;

export function eventView(e: EventRecord): CameraEventWire {
  return {
    id: e.id,
    sourceId: e.sourceId,
    cameraId: e.cameraId,
    unitCode: e.unitCode,
    type: e.type,
    time: e.time.toISOString(),
    confidence: e.confidence,
    label: e.label,
    direction: e.direction,
    zone: e.zone,
    snapshotUrl: e.hasSnapshot ? snapshotPath(e.id) : null,
    receivedAt: e.receivedAt.toISOString(),
  };
}
