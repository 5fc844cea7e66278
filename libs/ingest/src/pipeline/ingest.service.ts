import type { Reading } from '@ioc/contracts';
import {
  chirpstackV4Decoder,
  deviceTelemetryDecoder,
  gatewayBatchDecoder,
  parseJsonPayload,
  peekDevEui,
  ttnV3Decoder,
  type DecodeResult,
  type Reject,
  type RejectReason,
} from '../decoders';
import type { MetricCatalogue } from './metric-catalogue';
import type { DeviceDirectory } from '../devices/device-directory';
import type { DeviceRecord } from '../devices/device.repository';
import type { DeadLetterSink } from '../deadletter/dead-letter.sink';
import type { EnqueueOptions, ReadingWriter } from '../writer/reading-writer';
import type { IngestMetrics } from './ingest.metrics';
import { validateReadings } from '../validation';
import { parseTopic } from '../mqtt/topics';

export interface IngestLimits {
  maxPayloadBytes: number;
  maxAgeMs: number;
  maxFutureMs: number;
}

export interface IngestOutcome {
  accepted: number;
  rejected: { reason: RejectReason; message: string; deviceId?: string; index?: number }[];
  /** Settles once the outcome's dead-letter rows are written (the MQTT PUBACK waits for it). */
  deadLettered?: Promise<void>;
}

export interface IngestDeps {
  devices: DeviceDirectory;
  catalogue: MetricCatalogue;
  writer: ReadingWriter;
  deadLetters: DeadLetterSink;
  metrics: IngestMetrics;
  limits: IngestLimits;
  /** Resolves a position to its administrative unit (mobile devices); null when offshore. */
  locate?: (lon: number, lat: number) => string | null;
  now?: () => Date;
}

/**
 * The one ingest pipeline behind MQTT, HTTP and the LoRaWAN webhooks: decode → validate →
 * dead-letter the rejects → write the rest. The returned promise settles when accepted rows
 * are committed, which is what both MQTT PUBACK and HTTP 2xx wait for.
 */
export class IngestService {
  private readonly receivedBySource = new Map<string, { inc(): void }>();

  constructor(private readonly deps: IngestDeps) {}

  /**
   * MQTT entry point: identity was checked by the broker, the topic names the publisher.
   * Resolves once the message's readings are committed and its rejects dead-lettered — the
   * collector acknowledges the message only then.
   */
  async handleMqtt(topic: string, payload: Buffer, receivedAt: Date): Promise<void> {
    const source = `mqtt:${topic}`;
    const t = parseTopic(topic);
    // The collector stops reading while the writer is full, so waiting here is bounded.
    const wait = { waitForRoom: true };
    let outcome: Promise<IngestOutcome>;
    if (t.kind === 'device')
      outcome = this.ingestDevice(t.deviceId, payload, source, receivedAt, wait);
    else if (t.kind === 'gateway')
      outcome = this.ingestGateway(t.gatewayId, payload, source, receivedAt, wait);
    else {
      this.counter('mqtt');
      outcome = Promise.resolve(
        this.reject(source, payload, [
          { reason: 'bad_shape', message: `unexpected topic ${topic.slice(0, 128)}` },
        ]),
      );
    }
    // Returned, not awaited: a suspended frame per message would keep its locals (topic, source,
    // payload) alive until the commit, and thousands wait for one (see `finish`).
    return outcome.then((o) => o.deadLettered);
  }

  /** A PUBLISH the broker refused (topic not owned): counted and dead-lettered, never stored. */
  rejectUnauthorizedPublish(username: string, topic: string, payload: Buffer): void {
    this.counter('mqtt');
    this.reject(`mqtt:${topic}`, payload, [
      {
        reason: 'topic_not_owned',
        message: `client ${username.slice(0, 64)} may not publish to ${topic.slice(0, 128)}`,
        deviceId: username,
      },
    ]);
  }

  /**
   * The embedded broker closed a connection whose next MQTT packet was over the size limit; the
   * body was never read, so the dead letter carries the size and who sent it, not the payload.
   */
  rejectOversizePacket(username: string, bytes: number): void {
    this.counter('mqtt');
    const who = username === '' ? 'an unauthenticated client' : `client ${username.slice(0, 64)}`;
    this.reject('mqtt:embedded-broker', Buffer.alloc(0), [
      {
        reason: 'oversize',
        message: `${who} sent an MQTT packet of ${bytes} bytes, over the ${this.deps.limits.maxPayloadBytes}-byte payload limit (INGEST_MAX_PAYLOAD_BYTES); connection closed`,
        ...(username === '' ? {} : { deviceId: username }),
      },
    ]);
  }

  /**
   * A device's payload (native JSON, batch or SenML). Resolves once accepted rows are committed;
   * rejects with BackpressureError when the writer is full (unless `waitForRoom`).
   */
  async ingestDevice(
    deviceId: string,
    payload: unknown,
    source: string,
    receivedAt = this.now(),
    options: EnqueueOptions = {},
  ): Promise<IngestOutcome> {
    this.counter(sourceKind(source));
    const raw = rawOf(payload);
    if (raw.length > this.deps.limits.maxPayloadBytes) return this.oversize(source, raw, deviceId);
    // The cached record is taken synchronously: one promise fewer per message on the hot path.
    const device = this.deps.devices.peek(deviceId) ?? (await this.deps.devices.get(deviceId));
    if (!device) {
      return this.reject(source, raw, [
        {
          reason: 'unknown_device',
          message: `no registered device ${deviceId.slice(0, 80)}`,
          deviceId,
        },
      ]);
    }
    const decoded = deviceTelemetryDecoder.decode(payload, { deviceId, now: receivedAt });
    return this.finish(decoded, source, raw, receivedAt, new Map([[device.id, device]]), options);
  }

  /** A gateway's store-and-forward batch for the devices it fronts. */
  async ingestGateway(
    gatewayId: string,
    payload: unknown,
    source: string,
    receivedAt = this.now(),
    options: EnqueueOptions = {},
  ): Promise<IngestOutcome> {
    this.counter(sourceKind(source));
    const raw = rawOf(payload);
    if (raw.length > this.deps.limits.maxPayloadBytes) return this.oversize(source, raw, gatewayId);
    const gateway = await this.deps.devices.get(gatewayId);
    if (!gateway) {
      return this.reject(source, raw, [
        {
          reason: 'unknown_device',
          message: `no registered gateway ${gatewayId.slice(0, 80)}`,
          deviceId: gatewayId,
        },
      ]);
    }
    const fronted = await this.deps.devices.frontedBy(gatewayId);
    const decoded = gatewayBatchDecoder.decode(payload, { gatewayId, frontedDeviceIds: fronted });
    const known = new Map<string, DeviceRecord>();
    for (const id of new Set(decoded.readings.map((r) => r.deviceId))) {
      const d = await this.deps.devices.get(id);
      if (d) known.set(id, d);
    }
    return this.finish(decoded, source, raw, receivedAt, known, options);
  }

  async ingestLorawan(
    network: 'ttn' | 'chirpstack',
    payload: unknown,
    source: string,
    receivedAt = this.now(),
  ): Promise<IngestOutcome> {
    this.counter(sourceKind(source));
    const raw = rawOf(payload);
    if (raw.length > this.deps.limits.maxPayloadBytes) return this.oversize(source, raw, undefined);
    // Parsed once: the DevEUI is peeked to look the device up (the decoders resolve
    // synchronously), then the same value is decoded.
    const parsed = parseJsonPayload(payload);
    if (!parsed.ok) return this.reject(source, raw, [parsed.reject]);
    const eui = peekDevEui(parsed.value);
    const device = eui ? await this.deps.devices.getByDevEui(eui) : null;
    const ctx = {
      resolveDevEui: (devEui: string) =>
        device && device.devEui?.toUpperCase() === devEui.toUpperCase()
          ? {
              deviceId: device.id,
              profile: { ...device.profile, fieldMap: device.profile.fieldMap ?? {} },
            }
          : undefined,
    };
    const decoded = (network === 'ttn' ? ttnV3Decoder : chirpstackV4Decoder).decode(
      parsed.value,
      ctx,
    );
    return this.finish(
      decoded,
      source,
      raw,
      receivedAt,
      new Map(device ? [[device.id, device]] : []),
    );
  }

  private finish(
    decoded: DecodeResult,
    source: string,
    raw: Buffer,
    receivedAt: Date,
    devices: Map<string, DeviceRecord>,
    options: EnqueueOptions = {},
  ): Promise<IngestOutcome> {
    const rejects: Reject[] = [...decoded.rejects];
    // Rejects found here name the reading (metric, value, time), not a position: decoders
    // flatten elements into readings, so a reading's index is not the element's.
    const known = decoded.readings.filter((r) => {
      if (devices.has(r.deviceId)) return true;
      rejects.push({
        reason: 'unknown_device',
        message: `no registered device ${r.deviceId.slice(0, 80)}`,
        deviceId: r.deviceId,
      });
      return false;
    });
    // Catalogue, range and time-window checks, and in-message duplicates collapsed (stored once).
    const checked = validateReadings(known, {
      catalogue: this.deps.catalogue,
      now: receivedAt,
      maxAgeMs: this.deps.limits.maxAgeMs,
      maxFutureMs: this.deps.limits.maxFutureMs,
    });
    for (const r of checked.rejects)
      rejects.push({
        reason: r.reason,
        message: r.message,
        ...(r.deviceId !== undefined ? { deviceId: r.deviceId } : {}),
      });
    const rows: Reading[] = checked.accepted.map((r) => {
      const device = devices.get(r.deviceId);
      const row: Reading = {
        time: r.time,
        deviceId: r.deviceId,
        metric: r.metric,
        value: r.value,
        unitCode: this.unitOf(device, r.position),
      };
      // Carried to the live side (WS deltas, last known position); never stored in `reading`.
      if (device?.mobile && r.position) row.position = r.position;
      return row;
    });
    const deadLettered =
      rejects.length > 0 ? this.reject(source, raw, rejects).deadLettered : undefined;
    const outcome: IngestOutcome = {
      accepted: rows.length,
      rejected: rejects,
      ...(deadLettered ? { deadLettered } : {}),
    };
    // Not an await: the decoded message, its validation and the device map are garbage as soon
    // as the rows are queued, instead of living (and being promoted by the GC) until the commit.
    return rows.length > 0
      ? this.deps.writer.enqueue(rows, options).then(() => outcome)
      : Promise.resolve(outcome);
  }

  private unitOf(
    device: DeviceRecord | undefined,
    position: { lon: number; lat: number } | undefined,
  ): string | null {
    if (device?.mobile && position && this.deps.locate)
      return this.deps.locate(position.lon, position.lat);
    return device?.unitCode ?? null;
  }

  private oversize(source: string, raw: Buffer, deviceId: string | undefined): IngestOutcome {
    return this.reject(source, raw, [
      {
        reason: 'oversize',
        message: `payload of ${raw.length} bytes exceeds ${this.deps.limits.maxPayloadBytes}`,
        ...(deviceId !== undefined ? { deviceId } : {}),
      },
    ]);
  }

  private reject(source: string, raw: Buffer, rejects: Reject[]): IngestOutcome {
    const written: Promise<void>[] = [];
    const kind = sourceKind(source);
    for (const r of rejects) {
      this.deps.metrics.rejected.inc({ reason: r.reason, source: kind });
      written.push(
        this.deps.deadLetters.add({
          reason: r.reason,
          detail: r.index === undefined ? r.message : `[${r.index}] ${r.message}`,
          source,
          deviceId: r.deviceId ?? null,
          payload: raw,
        }),
      );
    }
    return {
      accepted: 0,
      rejected: rejects,
      deadLettered: Promise.all(written).then(() => undefined),
    };
  }

  /** `received` by source; the labelled child is cached (this runs for every message). */
  private counter(source: string): void {
    let child = this.receivedBySource.get(source);
    if (!child) {
      child = this.deps.metrics.received.labels({ source });
      this.receivedBySource.set(source, child);
    }
    child.inc();
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

/** `mqtt` of `mqtt:ioc/v1/…` (runs per message: no split). */
function sourceKind(source: string): string {
  const colon = source.indexOf(':');
  return colon < 0 ? source : source.slice(0, colon);
}

function rawOf(payload: unknown): Buffer {
  if (Buffer.isBuffer(payload)) return payload;
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  if (payload instanceof Uint8Array) return Buffer.from(payload);
  return Buffer.from((JSON.stringify(payload) as string | undefined) ?? '', 'utf8');
}
