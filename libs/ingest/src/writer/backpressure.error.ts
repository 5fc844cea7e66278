/** Raised when the writer's bounded buffer is full: HTTP answers 503 with Retry-After. */
export class BackpressureError extends Error {
  readonly code = 'INGEST_BACKPRESSURE';
  constructor(readonly retryAfterSeconds: number) {
    super('Ingest buffer is full while the database is slow or unavailable; retry later');
    this.name = 'BackpressureError';
  }
}
