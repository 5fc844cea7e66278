import type { DecodedReading, IngestRejectReason as RejectReason } from '@ioc/contracts';

/**
 * Every reason a message or a single reading can be refused (the list is part of the HTTP
 * contract: libs/contracts http/telemetry.ts).
 */
export {
  INGEST_REJECT_REASONS as REJECT_REASONS,
  type IngestRejectReason as RejectReason,
} from '@ioc/contracts';

export interface Reject {
  reason: RejectReason;
  /** Human-readable detail for the dead-letter row; never contains secrets. */
  message: string;
  deviceId?: string;
  /** Position of the offending element in its batch (array index), when there is one. */
  index?: number;
}

export interface DecodeResult {
  readings: DecodedReading[];
  rejects: Reject[];
}

/**
 * A wire-format decoder. `payload` is the raw body (Buffer / Uint8Array / JSON text) or a value
 * an HTTP body parser already produced. Implementations never throw: anything they cannot read
 * becomes a reject, and a bad element rejects that element only.
 */
export interface Decoder<Ctx> {
  readonly name: string;
  decode(payload: unknown, ctx: Ctx): DecodeResult;
}
