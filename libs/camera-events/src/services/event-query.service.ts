import { DomainError, type CameraEventWire, type CameraEventType } from '@ioc/contracts';
import type { EventUnits } from '../ports';
import type { CameraEventRepository, StoredSnapshot } from '../repo/event.repository';
import { eventView } from './event-view';

export interface EventListQuery {
  unit?: string | undefined;
  camera?: string | undefined;
  type?: CameraEventType | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notFound = () =>
  new DomainError('not_found', 'CAMERA_EVENT_NOT_FOUND', 'Không có sự kiện · No such event');

/**
 * The read side: events of a unit (the API's access gate has checked the caller may read it),
 * one event, its picture, hourly counts, and the picture an alert on a camera shows.
 */
export class CameraEventQueries {
  constructor(
    private readonly repo: CameraEventRepository,
    private readonly units: EventUnits,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(q: EventListQuery): Promise<{ items: CameraEventWire[]; asOf: string }> {
    const units = q.unit === undefined ? undefined : await this.units.selfAndDescendants(q.unit);
    const rows = await this.repo.list({
      ...(units ? { units } : {}),
      ...(q.camera ? { cameraId: q.camera } : {}),
      ...(q.type ? { type: q.type } : {}),
      ...(q.from ? { from: new Date(q.from) } : {}),
      ...(q.to ? { to: new Date(q.to) } : {}),
      limit: q.limit,
    });
    return { items: rows.map(eventView), asOf: this.now().toISOString() };
  }

  async get(id: string): Promise<CameraEventWire> {
    const e = await this.repo.get(id);
    if (!e) throw notFound();
    return eventView(e);
  }

  async snapshot(id: string): Promise<StoredSnapshot> {
    const s = await this.repo.snapshot(id);
    if (!s) {
      throw new DomainError('not_found', 'SNAPSHOT_NOT_FOUND', 'Không có ảnh · No snapshot');
    }
    return s;
  }

  /** null for an id that is not an event's (a malformed id never reaches the uuid column). */
  async unitOf(id: string): Promise<string | null> {
    return UUID.test(id) ? this.repo.unitOf(id) : null;
  }

  async counts(q: { unit: string; camera?: string | undefined; hours: number }) {
    const units = await this.units.selfAndDescendants(q.unit);
    const now = this.now();
    const since = new Date(
      Math.floor(now.getTime() / 3_600_000) * 3_600_000 - (q.hours - 1) * 3_600_000,
    );
    const rows = await this.repo.hourly(units, q.camera, since);
    return {
      unit: q.unit,
      buckets: rows.map((r) => ({ ...r, hour: r.hour.toISOString() })),
      asOf: now.toISOString(),
    };
  }

  /** The picture of the camera's newest event at or before `at` (an alert's snapshot). */
  async cameraSnapshot(cameraId: string, at: Date): Promise<StoredSnapshot> {
    const e = await this.repo.latestWithSnapshot(cameraId, at);
    if (!e) throw new DomainError('not_found', 'SNAPSHOT_NOT_FOUND', 'Không có ảnh · No snapshot');
    return this.snapshot(e.id);
  }
}
