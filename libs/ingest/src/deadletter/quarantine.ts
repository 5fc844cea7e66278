import type { DeadLetter } from './dead-letter.repository';

/**
 * SQLSTATE classes that mean "this data cannot be stored" (22 data exception: invalid byte
 * sequence, value too long…; 23 integrity constraint; 54 program limit) rather than "the
 * database is unreachable": retrying such a row can never succeed.
 */
export function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23|54)[0-9A-Z]{3}$/.test(code);
}

const FIELD_LIMIT = 4096;

/** Printable ASCII only, everything else as \uXXXX: text any database column holds. */
export function escapeText(text: string): string {
  let out = '';
  for (const ch of text.slice(0, FIELD_LIMIT)) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x20 && c < 0x7f && ch !== '\\') out += ch;
    else if (c <= 0xffff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\u{${c.toString(16)}}`;
  }
  return text.length > FIELD_LIMIT ? `${out}… (${text.length} chars)` : out;
}

/**
 * The form of a dead-letter row the database refused: every text field escaped, the payload as
 * base64, and the refusal named in the detail, so the row is still stored and says why.
 */
export function quarantined(item: DeadLetter, refusal: unknown): DeadLetter {
  const message = refusal instanceof Error ? refusal.message : String(refusal);
  const why = escapeText(`${(refusal as { code?: string }).code ?? '?'} ${message}`);
  const payload =
    item.payload === null || item.payload === undefined
      ? null
      : `base64:${(typeof item.payload === 'string'
          ? Buffer.from(item.payload, 'utf8')
          : item.payload
        ).toString('base64')}`;
  return {
    reason: escapeText(item.reason),
    detail: `${item.detail === undefined ? '' : `${escapeText(item.detail)} `}[stored escaped: ${why}]`,
    source: escapeText(item.source),
    deviceId:
      item.deviceId === null || item.deviceId === undefined ? null : escapeText(item.deviceId),
    payload,
    ...(item.receivedAt ? { receivedAt: item.receivedAt } : {}),
  };
}
