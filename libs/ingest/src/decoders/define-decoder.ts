import type { DecodeResult, Decoder } from './types';

/**
 * Wraps a decode function so that the "never throws" guarantee does not rest on every branch
 * being right: a bug or a throwing context callback becomes one `bad_shape` reject instead of
 * stalling the collector that called us.
 */
export function defineDecoder<Ctx>(
  name: string,
  decode: (payload: unknown, ctx: Ctx) => DecodeResult,
): Decoder<Ctx> {
  return {
    name,
    decode(payload: unknown, ctx: Ctx): DecodeResult {
      try {
        return decode(payload, ctx);
      } catch (err) {
        const detail = err instanceof Error ? err.message.slice(0, 200) : 'unknown error';
        return { readings: [], rejects: [{ reason: 'bad_shape', message: `${name}: ${detail}` }] };
      }
    },
  };
}
