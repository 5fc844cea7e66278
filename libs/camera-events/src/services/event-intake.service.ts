import type { CameraEventWire } from '@ioc/contracts';
import { checkTime, EventRejection, IGNORED, type ParseOutcome, type ParsedEvent } from '../event';
import type {
  CountReading,
  EventCamera,
  EventCameras,
  EventCounts,
  EventDeadLetters,
  SnapshotFetcher,
} from '../ports';
import type { CameraEventRepository } from '../repo/event.repository';
import type { EventSourceRecord } from '../repo/source.repository';
import { toSnapshot } from '../snapshot/snapshot-image';
import { eventView } from './event-view';

export interface IntakeDeps {
  repo: CameraEventRepository;
  cameras: EventCameras;
  counts: EventCounts;
  deadLetters: EventDeadLetters;
  snapshots?: SnapshotFetcher;
  /** Each stored event, once (not its duplicates): the live feed, a counter. */
  onStored?: (event: CameraEventWire) => void;
  /** Counted refusals by reason (Prometheus). */
  onRejected?: (reason: string) => void;
  warn?: (message: string) => void;
  now?: () => Date;
}

export interface IntakeResult {
  accepted: { id: string; duplicate: boolean }[];
  rejected: { reason: string; message: string }[];
}

/** The count metrics an event adds to on its camera: its type, and in/out where known. */
export function countReadings(e: Pick<ParsedEvent, 'type' | 'direction' | 'time'>): CountReading[] {
  const out: CountReading[] = [{ metric: `camera_${e.type}`, time: e.time, value: 1 }];
  if (e.direction && (e.type === 'anpr' || e.type === 'vehicle')) {
    out.push({
      metric: e.direction === 'in' ? 'vehicles_in' : 'vehicles_out',
      time: e.time,
      value: 1,
    });
  }
  return out;
}

/**
 * Parsed deliveries of one source → stored events: each is tied to one of our cameras through
 * the source's mapping, stored once (a retry, Frigate's update/end, finds the first row), its
 * picture re-encoded beside it, and counted on the camera (which is what rollups and alert
 * rules see). A refusal is dead-lettered with its reason; the other events of the delivery are
 * kept. Nothing here throws for bad input: the caller answers what happened.
 */
export class CameraEventIntake {
  constructor(private readonly deps: IntakeDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async take(
    source: EventSourceRecord,
    outcomes: readonly ParseOutcome[],
    raw: string | Buffer | null,
    route: string,
  ): Promise<IntakeResult> {
    const result: IntakeResult = { accepted: [], rejected: [] };
    for (const outcome of outcomes) {
      if (outcome === IGNORED) continue;
      const problem =
        outcome instanceof EventRejection ? outcome : checkTime(outcome.time, this.now());
      if (problem) {
        await this.reject(problem, route, raw, null);
        result.rejected.push({ reason: problem.reason, message: problem.message });
        continue;
      }
      const event = outcome as ParsedEvent;
      const camera = await this.cameraOf(source, event);
      if (camera instanceof EventRejection) {
        await this.reject(camera, route, raw, null);
        result.rejected.push({ reason: camera.reason, message: camera.message });
        continue;
      }
      result.accepted.push(await this.store(source, event, camera));
    }
    return result;
  }

  private async cameraOf(
    source: EventSourceRecord,
    event: ParsedEvent,
  ): Promise<EventCamera | EventRejection> {
    const key = event.cameraKeys.find((k) => source.cameras[k] !== undefined);
    const id = key === undefined ? undefined : source.cameras[key];
    if (id === undefined) {
      return new EventRejection(
        'unknown_camera',
        `no camera of source ${source.id} mapped for ${event.cameraKeys.join(', ').slice(0, 200) || '(none)'}`,
      );
    }
    const camera = await this.deps.cameras.get(id);
    return camera ?? new EventRejection('unknown_camera', `camera ${id} is not registered`);
  }

  private async store(
    source: EventSourceRecord,
    event: ParsedEvent,
    camera: EventCamera,
  ): Promise<{ id: string; duplicate: boolean }> {
    const { id, created } = await this.deps.repo.insert({
      sourceId: source.id,
      cameraId: camera.id,
      unitCode: camera.unitCode,
      type: event.type,
      time: event.time,
      confidence: event.confidence,
      label: event.label,
      direction: event.direction,
      zone: event.zone,
      dedupeKey: event.dedupeKey,
    });
    // The picture first, so that an alert raised by the count already finds it.
    await this.keepSnapshot(source, id, event);
    if (created) {
      try {
        await this.deps.counts.record(camera, countReadings(event));
      } catch (err) {
        // The event is stored; a full write buffer only costs its count, which is logged.
        this.deps.warn?.(`camera event ${id}: count not recorded: ${(err as Error).message}`);
      }
      const stored = await this.deps.repo.get(id);
      if (stored) this.deps.onStored?.(eventView(stored));
    }
    return { id, duplicate: !created };
  }

  private async keepSnapshot(source: EventSourceRecord, id: string, event: ParsedEvent) {
    let bytes = event.snapshot;
    if (!bytes && event.snapshotRef && source.baseUrl && this.deps.snapshots) {
      if ((await this.deps.repo.snapshot(id)) !== null) return;
      bytes =
        (await this.deps.snapshots.fetch(source.baseUrl, event.snapshotRef).catch(() => null)) ??
        undefined;
    }
    if (!bytes) return;
    const snapshot = await toSnapshot(bytes);
    if (snapshot) await this.deps.repo.putSnapshot(id, snapshot);
    else this.deps.warn?.(`camera event ${id}: snapshot is not a decodable picture, not kept`);
  }

  private async reject(
    r: EventRejection,
    route: string,
    raw: string | Buffer | null,
    deviceId: string | null,
  ): Promise<void> {
    this.deps.onRejected?.(r.reason);
    await this.deps.deadLetters.add({
      reason: r.reason,
      detail: r.message,
      source: route,
      deviceId,
      payload: raw,
    });
  }
}
