import { describe, expect, it } from 'vitest';
import { excerpt, PAYLOAD_EXCERPT_BYTES, storableText } from './dead-letter.repository';

describe('storableText', () => {
  it('writes U+0000 as the six characters \\u0000, and leaves other text alone', () => {
    expect(storableText('pm\u000025')).toBe('pm\\u000025');
    expect(storableText('Phường Hòa Xuân')).toBe('Phường Hòa Xuân');
    expect(storableText(null)).toBeNull();
    expect(storableText(undefined)).toBeNull();
  });
});

describe('excerpt', () => {
  it('keeps UTF-8 as text and anything else as base64, so no byte is lost', () => {
    expect(excerpt('{"pm25":1}')).toBe('{"pm25":1}');
    expect(excerpt(Buffer.from([0xff, 0xfe, 0x00, 0x01]))).toBe('base64://4AAQ==');
    expect(excerpt(null)).toBeNull();
  });

  it('cuts a long payload at the limit and says how long it was', () => {
    const long = Buffer.from('a'.repeat(PAYLOAD_EXCERPT_BYTES + 10));
    expect(excerpt(long)).toBe(
      `${'a'.repeat(PAYLOAD_EXCERPT_BYTES)}… (${PAYLOAD_EXCERPT_BYTES + 10} bytes)`,
    );
  });

  it('does not call a text binary because the cut split a multi-byte character', () => {
    // "ư" is two bytes: the cut falls between them.
    const text = `${'a'.repeat(PAYLOAD_EXCERPT_BYTES - 1)}ư`;
    const out = excerpt(Buffer.from(text));
    expect(out).not.toMatch(/^base64:/);
    expect(out).toMatch(/^a+/);
    expect(out).toMatch(/\(2049 bytes\)$/);
  });

  it('escapes a NUL inside an otherwise textual payload', () => {
    expect(excerpt(Buffer.from('{"n":"a\u0000b"}'))).toBe('{"n":"a\\u0000b"}');
  });
});
