import type { DecodedReading } from '@ioc/contracts';

/**
 * Every reason a message or a single reading can be refused. The same codes label dead-letter
 * rows and the rejection counters, so they are part of the operator-facing contract: add, never
 * rename.
 */
export const REJECT_REASONS = [
  'malformed_json',
  'bad_shape',
  'unknown_device',
  'unknown_metric',
  'not_numeric',
  'out_of_range',
  'future_timestamp',
  'too_old',
  'bad_timestamp',
  'oversize',
  'topic_not_owned',
  'not_fronted_by_gateway',
  'unknown_dev_eui',
  'duplicate',
  'unit_conversion',
  'auth_failed',
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

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
