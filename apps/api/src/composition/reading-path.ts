import { Logger } from '@nestjs/common';
import type { ApiConfig } from '@ioc/config';
import {
  IngestService,
  MqttCollector,
  ReadingWriter,
  type DeadLetterSink,
  type DeviceDirectory,
  type IngestMetrics,
  type MetricCatalogue,
} from '@ioc/ingest';
import type { LiveOperations } from '@ioc/live';
import type { UnitDirectory } from '@ioc/geo';
import { openBroker, type BrokerConnection } from './broker';
import type { Database } from './database';

const log = new Logger('platform');

/**
 * The reading path, hop for hop (docs/architecture.md, "Data flow"):
 *
 *   device ─MQTT─▶ broker ─▶ MqttCollector ─▶ IngestService ─▶ ReadingWriter ─commit─▶ LiveOperations
 *   device ─HTTP─▶ TelemetryController ───────▶ IngestService ─┘            (latest, rollups, alerts, /ws)
 *
 * The collector holds each QoS 1 acknowledgement until the writer has committed its rows.
 */
export interface ReadingPath {
  broker: BrokerConnection;
  writer: ReadingWriter;
  ingest: IngestService;
  collector: MqttCollector;
  brokerConnected(): boolean;
  /** Stops taking messages, then flushes what was acknowledged. */
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
}): Promise<ReadingPath> {
  const { config, metrics, live } = deps;
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
  const broker = await openBroker({
    mqttUrl: config.MQTT_URL,
    username: config.MQTT_USERNAME,
    password: config.MQTT_PASSWORD,
    port: config.MQTT_PORT,
    directory: deps.directory,
    ingest: () => ingest,
  });
  let brokerUp = false;
  const collector = new MqttCollector(
    {
      url: broker.url,
      clientId: config.MQTT_CLIENT_ID,
      ...(broker.username !== undefined ? { username: broker.username } : {}),
      ...(broker.password !== undefined ? { password: broker.password } : {}),
      // Aedes speaks MQTT 3.1.1 only; shared subscriptions need an external MQTT 5 broker.
      protocolVersion: broker.kind === 'external' ? 5 : 4,
      ...(broker.kind === 'external' ? { sharedGroup: config.MQTT_SHARED_GROUP } : {}),
    },
    (topic, payload, at) => ingest.handleMqtt(topic, payload, at),
    // Resume once the writer has drained to half its buffer (works for any buffer/batch sizes).
    () => writer.hasRoom(),
  );
  collector.on('connected', () => (brokerUp = true));
  collector.on('error', (err) => {
    brokerUp = false;
    log.warn(`MQTT: ${err.message}`);
  });
  collector.on('paused', (reason) => {
    log.warn(`MQTT collector paused: ${reason}`);
  });
  await collector.start();
  brokerUp = true;
  const gauge = setInterval(() => {
    metrics.bufferDepth.set(writer.snapshot.buffered);
    metrics.readingStopped.set(collector.stats.blocked ? 1 : 0);
  }, 1000);
  gauge.unref();
  return {
    broker,
    writer,
    ingest,
    collector,
    brokerConnected: () => brokerUp,
    async stop() {
      clearInterval(gauge);
      await collector.stop().catch(() => undefined);
    },
  };
}
