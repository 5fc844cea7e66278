import type { DeviceDirectory, IngestService } from '@ioc/ingest';

/** Where MQTT telemetry comes from, and how the platform takes it. */
export interface MqttIngest {
  kind: 'embedded' | 'external';
  url: string;
  port: number | null;
  /** True when the configured embedded port was taken and a following free one was used. */
  moved: boolean;
  /** Whether messages can reach the platform now (health). */
  connected(): boolean;
  /** Whether reading has stopped because the writer's buffer is full (metric). */
  readingStopped(): boolean;
  /** Ends a device's open embedded-broker sessions after its token changed. */
  disconnectUser(id: string): void;
  /**
   * Publishes the platform's own message to the broker's subscribers (SensorThings updates
   * under `v1.1/`): QoS 0, not retained; dropped while the broker is unreachable.
   */
  publish(topic: string, payload: string): void;
  /** Stops taking messages; what was taken is acknowledged once durable, within a grace period. */
  stop(): Promise<void>;
}

export interface MqttIngestOptions {
  mqttUrl?: string | undefined;
  /** A RabbitMQ cluster's AMQP URLs (AMQP_URLS): used when MQTT_URL is unset. */
  amqp?: { urls: string[]; queue: string; prefetch: number } | undefined;
  username?: string | undefined;
  password?: string | undefined;
  /** Embedded broker port (a following free one when taken). */
  port: number;
  /** Interface the embedded broker binds (the platform's HOST). */
  host: string;
  /** Largest MQTT payload a device may send (INGEST_MAX_PAYLOAD_BYTES). */
  maxPayloadBytes: number;
  /** Failed CONNECTs per address per minute before the embedded broker stops hearing it. */
  maxFailedConnectsPerMinute: number;
  clientId: string;
  sharedGroup: string;
  directory: DeviceDirectory;
  ingest: IngestService;
  /** Whether the writer takes more now (the collector stops reading while it does not). */
  hasRoom: () => boolean;
  warn: (message: string) => void;
  /** Topics anonymous clients may subscribe under and only the platform publishes to (`v1.1/`). */
  publicPrefix: string;
}
