import { describe, expect, it } from 'vitest';
import { PacketSizeGuard } from './packet-size-guard';

/** An MQTT packet: type byte, remaining-length varint, body. */
function packet(bodyBytes: number): Buffer {
  const len: number[] = [];
  let n = bodyBytes;
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    len.push(byte);
  } while (n > 0);
  return Buffer.concat([Buffer.from([0x30, ...len]), Buffer.alloc(bodyBytes, 1)]);
}

/** Feeds the bytes in chunks of `size`; resolves with what passed and what was refused. */
async function feed(bytes: Buffer, size: number, max: number) {
  const refused: number[] = [];
  const guard = new PacketSizeGuard(max, (b) => refused.push(b));
  const passed: Buffer[] = [];
  guard.on('data', (c: Buffer) => passed.push(c));
  const error = await new Promise<Error | null>((resolve) => {
    guard.on('error', resolve);
    guard.on('finish', () => {
      resolve(null);
    });
    for (let i = 0; i < bytes.length; i += size) guard.write(bytes.subarray(i, i + size));
    guard.end();
  });
  return { passed: Buffer.concat(passed).length, refused, error };
}

describe('PacketSizeGuard', () => {
  const stream = Buffer.concat([
    packet(0),
    packet(127),
    packet(128),
    packet(16_383),
    packet(70_000),
  ]);

  it.each([1, 2, 3, 7, 4096, stream.length])(
    'passes packets up to the limit whole, read in chunks of %i bytes',
    async (size) => {
      const r = await feed(stream, size, 80_000);
      expect(r).toEqual({ passed: stream.length, refused: [], error: null });
    },
  );

  it.each([1, 5, 4096])(
    'stops at the header of the first packet over the limit (chunks of %i)',
    async (size) => {
      const r = await feed(Buffer.concat([packet(10), packet(70_000), packet(10)]), size, 65_536);
      expect(r.refused).toEqual([1 + 3 + 70_000]);
      expect(r.error?.message).toMatch(/over the 65536-byte limit/);
      expect(r.passed).toBeLessThan(12 + 1024);
    },
  );

  it('refuses a length of more than four bytes (not MQTT)', async () => {
    const r = await feed(Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01]), 6, 1 << 30);
    expect(r.refused).toEqual([Number.POSITIVE_INFINITY]);
  });
});
