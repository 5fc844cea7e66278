import type { Reject } from './types';

export type ParsedPayload = { ok: true; value: unknown } | { ok: false; reject: Reject };

// fatal: a payload that is not valid UTF-8 is malformed, not silently patched with U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });
const NOT_BLANK = /\S/;

/**
 * Turns a raw body into a JSON value. Bytes and strings are parsed; anything else is taken as
 * already parsed (an HTTP body parser ran first). A wholly unreadable body is one reject.
 */
export function parseJsonPayload(payload: unknown): ParsedPayload {
  let text: string;
  if (typeof payload === 'string') {
    text = payload;
  } else if (payload instanceof Uint8Array) {
    try {
      text = utf8.decode(payload);
    } catch {
      return malformed('payload is not valid UTF-8');
    }
  } else if (payload === undefined) {
    return malformed('empty payload');
  } else {
    return { ok: true, value: payload };
  }
  // A leading BOM is legal in files some gateways upload verbatim; JSON.parse rejects it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A test, not trim(): no copy of every payload just to find it is not blank.
  if (!NOT_BLANK.test(text)) return malformed('empty payload');
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    // RangeError on absurd nesting lands here too, which is the point.
    return malformed(
      `invalid JSON: ${err instanceof Error ? err.message.slice(0, 120) : 'parse error'}`,
    );
  }
}

function malformed(message: string): ParsedPayload {
  return { ok: false, reject: { reason: 'malformed_json', message } };
}
