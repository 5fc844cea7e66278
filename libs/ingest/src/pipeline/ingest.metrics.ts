import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Prometheus series of the ingest path; names are part of the operations contract. */
export class IngestMetrics {
  readonly received: Counter<'source'>;
  readonly stored: Counter;
  readonly rejected: Counter<'reason' | 'source'>;
  readonly duplicates: Counter;
  readonly batchSize: Histogram;
  readonly writeLatency: Histogram;
  readonly bufferDepth: Gauge;
  readonly consumerLag: Gauge;
  readonly readingStopped: Gauge;

  constructor(registry: Registry) {
    const registers = [registry];
    this.received = new Counter({
      name: 'ioc_ingest_messages_received_total',
      help: 'Messages received',
      labelNames: ['source'],
      registers,
    });
    this.stored = new Counter({
      name: 'ioc_ingest_readings_stored_total',
      help: 'Readings newly stored',
      registers,
    });
    this.rejected = new Counter({
      name: 'ioc_ingest_rejected_total',
      help: 'Rejected messages or readings by reason',
      labelNames: ['reason', 'source'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'ioc_ingest_duplicates_total',
      help: 'Readings already stored (idempotent)',
      registers,
    });
    this.batchSize = new Histogram({
      name: 'ioc_ingest_batch_rows',
      help: 'Rows per database write',
      buckets: [1, 10, 50, 100, 500, 1000, 2500, 5000, 10000],
      registers,
    });
    this.writeLatency = new Histogram({
      name: 'ioc_ingest_write_seconds',
      help: 'Database write latency per batch',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.bufferDepth = new Gauge({
      name: 'ioc_ingest_buffer_rows',
      help: 'Rows waiting for the database',
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'ioc_ingest_consumer_lag_seconds',
      help: 'Age of the newest reading at the moment it was stored (device time to commit)',
      registers,
    });
    this.readingStopped = new Gauge({
      name: 'ioc_ingest_mqtt_reading_stopped',
      help: '1 while the MQTT collector has stopped reading because the writer buffer is full (the broker holds the stream)',
      registers,
    });
  }
}
