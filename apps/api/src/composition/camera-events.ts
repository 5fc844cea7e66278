import { Logger } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import type { ApiConfig } from '@ioc/config';
import type { Pool } from '@ioc/db';
import type { AuditActor, AuditLog } from '@ioc/auth';
import {
  CameraEventIntake,
  CameraEventPruner,
  CameraEventQueries,
  CameraEventRepository,
  EventSourceService,
  FrigateListener,
  OnvifPuller,
  onvifConnector,
  type EventCamera,
  type EventCounts,
  type EventCameraLogins,
  type EventDeadLetters,
  type OnvifConnector,
  type SnapshotFetcher,
} from '@ioc/camera-events';
import { CameraCredentialReader, type CameraRepository } from '@ioc/cameras';
import type { UnitDirectory } from '@ioc/geo';
import {
  generateToken,
  hashToken,
  type DeviceDirectory,
  type DeviceRepository,
  type IngestService,
} from '@ioc/ingest';

const log = new Logger('camera-events');

/** AI-camera events (libs/camera-events): webhook intake, sources, queries, Frigate, retention. */
export interface CameraEventParts {
  intake: CameraEventIntake;
  sources: EventSourceService<AuditActor>;
  queries: CameraEventQueries;
  /** The reading path is built after the domain: counts go through it once attached. */
  attach(ingest: IngestService): void;
  /** The pruner and the Frigate/ONVIF readers: a cluster job (composition/jobs.ts). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The camera as a device of kind `camera`, registered on its first event (no usable token). */
async function ensureCameraDevice(
  devices: DeviceRepository,
  directory: DeviceDirectory,
  camera: EventCamera,
): Promise<void> {
  const known = directory.peek(camera.id) ?? (await directory.get(camera.id));
  if (known) {
    if (known.kind !== 'camera') {
      throw new Error(`device id ${camera.id} is taken by a ${known.kind} device`);
    }
    if (known.unitCode === camera.unitCode) return;
    await devices.update(camera.id, {
      unitCode: camera.unitCode,
      lon: camera.lon,
      lat: camera.lat,
    });
  } else if (!(await devices.isTaken(camera.id))) {
    await devices.insert({
      id: camera.id,
      kind: 'camera',
      unitCode: camera.unitCode,
      lon: camera.lon,
      lat: camera.lat,
      // Events are sporadic: a quiet camera is not a silent sensor.
      expectedIntervalS: 86_400,
      // Nothing ever presents this token: the camera's readings come from the platform itself.
      tokenHash: hashToken(generateToken()),
      name: `Camera ${camera.id}`,
    });
  } else {
    throw new Error(`device id ${camera.id} is taken by a decommissioned device`);
  }
  directory.invalidate(camera.id);
}

/**
 * An alert on a camera (a rule over its event counts) shows the camera's newest event picture
 * up to the alert's last reading: a URL of the platform, scoped like the camera.
 */
export function cameraAlertSnapshot(
  directory: Pick<DeviceDirectory, 'peek'>,
): (a: { deviceId: string | null; lastValueAt: string | null; openedAt: string }) => string | null {
  return (a) => {
    if (!a.deviceId || directory.peek(a.deviceId)?.kind !== 'camera') return null;
    const at = encodeURIComponent(a.lastValueAt ?? a.openedAt);
    return `/api/v1/cameras/${encodeURIComponent(a.deviceId)}/event-snapshot?at=${at}`;
  };
}

/** Frigate's HTTP API serves the picture; a slow or absent Frigate costs only the picture. */
const httpSnapshots: SnapshotFetcher = {
  async fetch(baseUrl, ref) {
    const url = `${baseUrl.replace(/\/+$/, '')}/api/events/${encodeURIComponent(ref)}/snapshot.jpg`;
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return null;
    return Buffer.from(await res.arrayBuffer());
  },
};

export function cameraEventParts(deps: {
  config: Pick<
    ApiConfig,
    | 'CAMERA_EVENT_RETENTION_DAYS'
    | 'FRIGATE_MQTT_URL'
    | 'FRIGATE_MQTT_USERNAME'
    | 'FRIGATE_MQTT_PASSWORD'
  >;
  pool: Pool;
  cameras: CameraRepository;
  units: UnitDirectory;
  devices: DeviceRepository;
  directory: DeviceDirectory;
  deadLetters: EventDeadLetters;
  audit: AuditLog;
  registry: Registry;
  snapshots?: SnapshotFetcher;
  /** The cameras' stored logins, for the ONVIF puller only; default: libs/cameras' reader. */
  logins?: EventCameraLogins;
  onvif?: OnvifConnector;
}): CameraEventParts {
  const repo = new CameraEventRepository(deps.pool);
  const warn = (m: string) => {
    log.warn(m);
  };
  const rejected = new Counter({
    name: 'ioc_camera_events_rejected_total',
    help: 'Camera event deliveries refused (dead-lettered), by reason',
    labelNames: ['reason'],
    registers: [deps.registry],
  });
  let ingest: IngestService | undefined;
  const counts: EventCounts = {
    async record(camera, readings) {
      if (!ingest) throw new Error('reading path not attached yet');
      await ensureCameraDevice(deps.devices, deps.directory, camera);
      const values = Object.fromEntries(readings.map((r) => [r.metric, r.value]));
      const ts = readings[0]?.time.toISOString();
      await ingest.ingestDevice(camera.id, { ts, values }, 'camera-events');
    },
  };
  const intake = new CameraEventIntake({
    repo,
    cameras: { get: (id) => deps.cameras.get(id) },
    counts,
    deadLetters: deps.deadLetters,
    snapshots: deps.snapshots ?? httpSnapshots,
    onRejected: (reason) => {
      rejected.inc({ reason });
    },
    warn,
  });
  // Called only after an admin change, by when `frigate` and `onvif` below are set; only where
  // the readers run (the jobs' lease holder), which elsewhere see the change on their next
  // periodic refresh (30 s).
  let reading = false;
  const sources = new EventSourceService<AuditActor>(deps.pool, deps.audit, () => {
    if (!reading) return;
    frigate?.refresh().catch((err: unknown) => {
      warn(`frigate: ${(err as Error).message}`);
    });
    onvif.refresh().catch((err: unknown) => {
      warn(`onvif: ${(err as Error).message}`);
    });
  });
  const pruner = new CameraEventPruner(repo, {
    retentionDays: deps.config.CAMERA_EVENT_RETENTION_DAYS,
    warn,
  });
  const frigate = deps.config.FRIGATE_MQTT_URL
    ? new FrigateListener({
        url: deps.config.FRIGATE_MQTT_URL,
        username: deps.config.FRIGATE_MQTT_USERNAME,
        password: deps.config.FRIGATE_MQTT_PASSWORD,
        sources: () => sources.repo.list('frigate'),
        intake,
        warn,
      })
    : undefined;
  const onvif = new OnvifPuller({
    sources: () => sources.repo.list('onvif'),
    // The one reader of camera credentials' values: handed to the puller, to no route.
    logins: deps.logins ?? new CameraCredentialReader(deps.pool),
    connector: deps.onvif ?? onvifConnector,
    intake,
    warn,
  });
  return {
    intake,
    sources,
    queries: new CameraEventQueries(repo, deps.units),
    attach(path) {
      ingest = path;
    },
    async start() {
      if (!ingest) throw new Error('reading path not attached yet');
      reading = true;
      pruner.start();
      await frigate?.start();
      await onvif.start();
    },
    async stop() {
      reading = false;
      await pruner.stop();
      await frigate?.stop();
      await onvif.stop();
    },
  };
}
