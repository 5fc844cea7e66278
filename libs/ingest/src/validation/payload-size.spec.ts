import { describe, expect, it } from 'vitest';
import { checkPayloadSize, payloadByteLength } from './payload-size';

describe('checkPayloadSize', () => {
  it('passes bodies up to the limit and refuses larger ones as oversize', () => {
    expect(checkPayloadSize(1024, 1024)).toBeUndefined();
    expect(checkPayloadSize(1025, 1024)).toEqual({
      reason: 'oversize',
      message: 'payload of 1025 bytes exceeds the 1024-byte limit',
    });
  });

  it('measures strings in UTF-8 bytes, not characters', () => {
    expect(payloadByteLength('Hoà Xuân')).toBe(10); // 8 characters, two of them 2-byte
    expect(checkPayloadSize('Hoà Xuân', 9)?.reason).toBe('oversize');
    expect(checkPayloadSize(Buffer.alloc(10), 10)).toBeUndefined();
  });

  it('treats a missing or nonsensical limit as no limit', () => {
    expect(checkPayloadSize(1e9, 0)).toBeUndefined();
    expect(checkPayloadSize(1e9, Number.NaN)).toBeUndefined();
  });
});
