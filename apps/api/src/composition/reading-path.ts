import { Logger } from '@nestjs/common';
import type { ApiConfig } from '@ioc/config';
import {
  IngestService,
  ReadingWriter,
  type DeadLetterSink,
  type DeviceDirectory,
  type IngestMetrics,
  type MetricCatalogue,
} from '@ioc/ingest';
import type { LiveOperations } from '@ioc/live';
import { ObservationPublisher, STA_TOPIC_ROOT, type PublicDatastreams } from '@ioc/opendata';
import type { UnitDirectory } from '@ioc/geo';
import { amqpPrefetch } from './amqp-ingest';
import { openMqttIngest, type MqttIngest, type MqttIngestOptions } from './broker';
import type { Database } from './database';
import { noMqttIngest } from './roles';

const log = new Logger('platform');

/**
 * The reading path, hop for hop (docs/architecture.md, "Data flow"):
 *
 *   device ─MQTT─▶ external broker ─▶ MqttCollector ─┐
 *   device ─MQTT─▶ RabbitMQ quorum ─▶ AmqpCollector ─┤
 *   device ─MQTT─▶ embedded Aedes (authorizePublish) ─┼─▶ IngestService ─▶ ReadingWriter ─commit─▶ LiveOperations
 *   device ─HTTP─▶ TelemetryController ───────────────┘                   (latest, rollups, alerts, /ws)
 *                                                                         └─commit─▶ ObservationPublisher
 *                                                      (published datastreams → the broker's v1.1/ topics)
 *
 * A QoS 1 acknowledgement (the collector's PUBACK to an external broker, the embedded broker's
 * PUBACK to the device) and an HTTP 2xx are sent only once the writer has committed the rows.
 */
export interface ReadingPath {
  broker: MqttIngest;
  writer: ReadingWriter;
  ingest: IngestService;
  /** Stops taking messages; what was taken is acknowledged once durable. */
  stop(): Promise<void>;
}

export async function startReadingPath(deps: {
  config: ApiConfig;
  db: Database;
  directory: DeviceDirectory;
  catalogue: MetricCatalogue;
  deadLetters: DeadLetterSink;
  metrics: IngestMetrics;
  units: Pick<UnitDirectory, 'locate'>;
  live: Pick<LiveOperations, 'onStored'>;
  /** Whether this process reads MQTT (roles all and collector; composition/roles.ts). */
  mqtt: boolean;
  /** SensorThings MQTT updates: which datastreams are published, and the links' base. */
  openData: { datastreams: PublicDatastreams; baseUrl: () => string };
}): Promise<ReadingPath> {
  const { config, metrics, live } = deps;
  // Committed rows of published datastreams go out on the broker the readers subscribe to
  // (`broker` is open before any reading can be taken, MQTT or HTTP).
  const observations = new ObservationPublisher({
    datastreams: deps.openData.datastreams,
    baseUrl: deps.openData.baseUrl,
    topics: {
      publish: (topic, payload) => {
        broker.publish(topic, payload);
      },
    },
  });
  const writer = new ReadingWriter(
    deps.db.pool,
    {
      mode: deps.db.storage,
      batchSize: config.WRITER_BATCH_SIZE,
      maxLatencyMs: config.WRITER_MAX_LATENCY_MS,
      bufferLimit: config.WRITER_BUFFER_LIMIT,
    },
    {
      batch: ({ size, inserted, ms }) => {
        metrics.batchSize.observe(size);
        metrics.writeLatency.observe(ms / 1000);
        metrics.stored.inc(inserted);
        metrics.duplicates.inc(size - inserted);
      },
      stored: (rows) => {
        const newest = rows.reduce((m, r) => Math.max(m, r.time.getTime()), 0);
        metrics.consumerLag.set(Math.max(0, (Date.now() - newest) / 1000));
        live.onStored(rows);
        observations.onStored(rows);
      },
      writeError: (err) => {
        log.warn(
          `database write failed, buffering (${writer.snapshot.buffered} rows): ${err.message}`,
        );
      },
    },
  );
  const ingest = new IngestService({
    devices: deps.directory,
    catalogue: deps.catalogue,
    writer,
    deadLetters: deps.deadLetters,
    metrics,
    limits: {
      maxPayloadBytes: config.INGEST_MAX_PAYLOAD_BYTES,
      maxAgeMs: config.INGEST_MAX_AGE_DAYS * 86_400_000,
      maxFutureMs: 5 * 60_000,
    },
    // Mobile devices (vessels) are placed in a unit per reading; null when offshore.
    locate: (lon, lat) => deps.units.locate(lon, lat),
  });
  const mqttOptions: MqttIngestOptions = {
    mqttUrl: config.MQTT_URL,
    amqp: config.AMQP_URLS && {
      urls: config.AMQP_URLS,
      queue: config.AMQP_QUEUE,
      prefetch: amqpPrefetch(config),
    },
    username: config.MQTT_USERNAME,
    password: config.MQTT_PASSWORD,
    port: config.MQTT_PORT,
    host: config.HOST,
    maxPayloadBytes: config.INGEST_MAX_PAYLOAD_BYTES,
    maxFailedConnectsPerMinute: config.MQTT_MAX_FAILED_CONNECTS_PER_MINUTE,
    clientId: config.MQTT_CLIENT_ID,
    sharedGroup: config.MQTT_SHARED_GROUP,
    directory: deps.directory,
    ingest,
    // Resume once the writer has drained to half its buffer (works for any buffer/batch sizes).
    hasRoom: () => writer.hasRoom(),
    publicPrefix: STA_TOPIC_ROOT,
    warn: (message) => {
      log.warn(message);
    },
  };
  const broker = deps.mqtt ? await openMqttIngest(mqttOptions) : noMqttIngest(config);
  const gauge = setInterval(() => {
    metrics.bufferDepth.set(writer.snapshot.buffered);
    metrics.readingStopped.set(broker.readingStopped() ? 1 : 0);
  }, 1000);
  gauge.unref();
  return {
    broker,
    writer,
    ingest,
    async stop() {
      clearInterval(gauge);
      await broker.stop();
    },
  };
}
