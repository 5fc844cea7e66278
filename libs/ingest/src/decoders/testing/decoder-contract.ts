import { describe, expect, it } from 'vitest';
import { REJECT_REASONS, type DecodeResult, type Decoder } from '../types';
import { deepObject, mutate, prng, randomJunk } from './junk';

export interface DecoderContractCases<Ctx> {
  ctx: Ctx;
  /** A well-formed payload (parsed JSON) that yields readings and no rejects. */
  good: unknown;
  /**
   * A batch with exactly one bad element and what the rest must still yield. For single-uplink
   * formats (LoRaWAN) the "batch" is the gateway list: a bad entry may cost no reject at all.
   */
  batchWithOneBad: { payload: unknown; readings: number; rejects: number };
}

/** Structural promises every decoder makes for every input. */
export function expectWellFormed(result: DecodeResult): void {
  expect(Array.isArray(result.readings)).toBe(true);
  expect(Array.isArray(result.rejects)).toBe(true);
  for (const r of result.readings) {
    expect(typeof r.deviceId).toBe('string');
    expect(r.deviceId.length).toBeGreaterThan(0);
    expect(typeof r.metric).toBe('string');
    if (r.time !== undefined) {
      expect(r.time).toBeInstanceOf(Date);
      expect(Number.isNaN(r.time.getTime())).toBe(false);
    }
    if (r.position !== undefined) {
      expect(Number.isFinite(r.position.lon) && Number.isFinite(r.position.lat)).toBe(true);
    }
  }
  for (const j of result.rejects) {
    expect(REJECT_REASONS).toContain(j.reason);
    expect(typeof j.message).toBe('string');
    if (j.index !== undefined) expect(Number.isInteger(j.index) && j.index >= 0).toBe(true);
  }
}

const UNPARSEABLE: readonly (string | Buffer)[] = [
  '',
  '   ',
  '{',
  '{"ts": 1,',
  'not json',
  "{'single': 'quotes'}",
  Buffer.from([0xff, 0xfe, 0xfd]),
  Buffer.alloc(0),
];

function junkInputs(): unknown[] {
  const deepArrayText = '['.repeat(50_000) + ']'.repeat(50_000);
  return [
    null,
    undefined,
    0,
    -1,
    Number.NaN,
    true,
    'null',
    '42',
    '"a string"',
    '[]',
    '{}',
    '[null, 1, "x", [], {}]',
    JSON.stringify({ __proto__: { polluted: true }, constructor: { prototype: 1 } }),
    '{"__proto__": {"values": {"pm25": 1}}}',
    deepArrayText,
    `"${'x'.repeat(2_000_000)}"`,
    'x'.repeat(1_000_000),
    deepObject(5_000),
    Array.from({ length: 10_000 }, () => null),
    Buffer.from('{"values": {"pm25": '),
    new Uint8Array([0x7b, 0x7d]),
    Symbol('s'),
    () => 1,
    new Date(),
    new Map([['a', 1]]),
  ];
}

/**
 * The shared contract every decoder's spec runs: good payloads decode in any transport form,
 * garbage becomes rejects, a bad element costs only itself, and nothing ever throws.
 */
export function describeDecoderContract<Ctx>(
  decoder: Decoder<Ctx>,
  cases: DecoderContractCases<Ctx>,
): void {
  describe(`decoder contract: ${decoder.name}`, () => {
    it('decodes a good payload given as object, string or Buffer', () => {
      const text = JSON.stringify(cases.good);
      for (const payload of [cases.good, text, Buffer.from(text, 'utf8')]) {
        const result = decoder.decode(payload, cases.ctx);
        expectWellFormed(result);
        expect(result.rejects).toEqual([]);
        expect(result.readings.length).toBeGreaterThan(0);
        for (const r of result.readings) {
          expect(r.time === undefined || r.time instanceof Date).toBe(true);
        }
      }
    });

    it('turns a wholly unparseable payload into exactly one malformed_json reject', () => {
      for (const payload of UNPARSEABLE) {
        const result = decoder.decode(payload, cases.ctx);
        expect(result.readings).toEqual([]);
        expect(result.rejects).toHaveLength(1);
        expect(result.rejects[0]?.reason).toBe('malformed_json');
      }
    });

    it('keeps the good elements of a batch with one bad element', () => {
      const result = decoder.decode(cases.batchWithOneBad.payload, cases.ctx);
      expectWellFormed(result);
      expect(result.readings).toHaveLength(cases.batchWithOneBad.readings);
      expect(result.rejects).toHaveLength(cases.batchWithOneBad.rejects);
    });

    it('never throws on junk and always answers with well-formed results', () => {
      for (const payload of junkInputs()) {
        let result: DecodeResult | undefined;
        expect(() => (result = decoder.decode(payload, cases.ctx))).not.toThrow();
        if (result === undefined) throw new Error('no result');
        expectWellFormed(result);
      }
    });

    it('never throws on random junk or randomly damaged good payloads (seeded fuzz)', () => {
      const rand = prng(0x10c);
      for (let i = 0; i < 400; i++) {
        const payload = i % 2 === 0 ? randomJunk(rand) : mutate(cases.good, rand);
        for (const form of [payload, safeStringify(payload)]) {
          let result: DecodeResult | undefined;
          expect(() => (result = decoder.decode(form, cases.ctx)), `case ${i}`).not.toThrow();
          if (result === undefined) throw new Error('no result');
          expectWellFormed(result);
        }
      }
    });
  });
}

function safeStringify(value: unknown): string {
  try {
    // Typed as string, but undefined for functions, symbols and undefined itself.
    const text = JSON.stringify(value) as string | undefined;
    return typeof text === 'string' ? text : '';
  } catch {
    return '';
  }
}
