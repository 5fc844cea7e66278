/**
 * Raised when ingest cannot take more right now — the writer's bounded buffer is full, or the
 * database needed to identify the sender is unreachable: HTTP answers 503 with Retry-After,
 * the MQTT collector pauses (QoS 1 messages stay with the broker).
 */
export class BackpressureError extends Error {
  readonly code: string = 'INGEST_BACKPRESSURE';
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Ingest buffer is full while the database is slow or unavailable; retry later',
  ) {
    super(message);
    this.name = 'BackpressureError';
  }
}

/** The database is unreachable and the sender is not in the in-memory directory. */
export class IngestUnavailableError extends BackpressureError {
  override readonly code: string = 'INGEST_UNAVAILABLE';
  constructor(retryAfterSeconds = 5) {
    super(retryAfterSeconds, 'The device registry is unreachable (database down); retry later');
    this.name = 'IngestUnavailableError';
  }
}
