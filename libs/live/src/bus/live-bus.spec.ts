import { describe, expect, it } from 'vitest';
import { packEnvelopes, parseEnvelope, type BusItem } from './live-bus';

describe('packEnvelopes', () => {
  const delta = (i: number): BusItem => ({
    t: 'r',
    d: {
      deviceId: `aq-${String(i)}`,
      unitCode: '20314',
      time: '2026-01-01T00:00:00.000Z',
      values: { pm25: i, pm10: i * 2 },
    },
  });

  it('packs items into payloads under the NOTIFY limit without losing any', () => {
    const items = Array.from({ length: 500 }, (_, i) => delta(i));
    const payloads = packEnvelopes('me', items, 7900, () => null);
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(7900);
    const back = payloads.flatMap((p) => parseEnvelope(p)?.i ?? []);
    expect(back).toEqual(items);
    expect(parseEnvelope(payloads[0] ?? '')?.o).toBe('me');
  });

  it('counts bytes, not characters (Vietnamese text is multi-byte)', () => {
    const message = 'Mực nước vượt báo động III tại trạm Hoà Xuân — '.repeat(40);
    const alert = { t: 'a', a: { id: 'x', message } } as unknown as BusItem;
    const payloads = packEnvelopes('me', [alert, alert], 7900, () => null);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(7900);
  });

  it('replaces an item too large for one payload, or drops it', () => {
    const huge = { t: 'a', a: { id: 'big', message: 'x'.repeat(9000) } } as unknown as BusItem;
    expect(
      packEnvelopes('me', [huge], 7900, () => ({ t: 'A', id: 'big' })).map(
        (p) => parseEnvelope(p)?.i,
      ),
    ).toEqual([[{ t: 'A', id: 'big' }]]);
    expect(packEnvelopes('me', [huge], 7900, () => null)).toEqual([]);
  });

  it('rejects payloads that are not envelopes', () => {
    expect(parseEnvelope('nope')).toBeNull();
    expect(parseEnvelope('{"o":1}')).toBeNull();
  });
});
