import type { Reject } from '../decoders/types';

/** Size in bytes of a raw body: UTF-8 length for strings, not character count. */
export function payloadByteLength(payload: Uint8Array | string): number {
  return typeof payload === 'string' ? Buffer.byteLength(payload, 'utf8') : payload.byteLength;
}

/**
 * Refuses a body above `limit` bytes before anything parses it. A non-positive or non-finite
 * limit means "no limit", so a missing setting cannot turn every message into a reject.
 */
export function checkPayloadSize(
  bytes: number | Uint8Array | string,
  limit: number,
): Reject | undefined {
  const size = typeof bytes === 'number' ? bytes : payloadByteLength(bytes);
  if (!Number.isFinite(limit) || limit <= 0 || size <= limit) return undefined;
  return {
    reason: 'oversize',
    message: `payload of ${size} bytes exceeds the ${limit}-byte limit`,
  };
}
