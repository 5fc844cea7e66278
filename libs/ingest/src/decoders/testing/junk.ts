/** Deterministic PRNG (mulberry32) so a failing fuzz case reproduces from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ATOMS: readonly unknown[] = [
  null,
  undefined,
  0,
  -1,
  1e308,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 28,
  1.5,
  true,
  false,
  '',
  ' ',
  '0',
  'null',
  '2026-13-45T99:99:99Z',
  '2026-03-01T08:00:00+07:00',
  '__proto__',
  'constructor',
  'x'.repeat(5000),
  '\u0000\uffff',
  [],
  {},
];

const KEYS = [
  'ts',
  'values',
  'pos',
  'lon',
  'lat',
  'bn',
  'bt',
  'bu',
  'bv',
  'n',
  'v',
  'vb',
  'vs',
  't',
  'u',
  'end_device_ids',
  'dev_eui',
  'uplink_message',
  'decoded_payload',
  'rx_metadata',
  'deviceInfo',
  'devEui',
  'object',
  'rxInfo',
  'rssi',
  'snr',
  'time',
  'pm25',
  '__proto__',
  'constructor',
  'toString',
];

/** A random JSON-ish value up to `depth` levels, biased towards keys decoders look at. */
export function randomJunk(rand: () => number, depth = 4): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const roll = rand();
  if (depth <= 0 || roll < 0.4) return pick(ATOMS);
  if (roll < 0.7) {
    return Array.from({ length: Math.floor(rand() * 4) }, () => randomJunk(rand, depth - 1));
  }
  const obj: Record<string, unknown> = {};
  const n = Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) {
    Object.defineProperty(obj, pick(KEYS), {
      value: randomJunk(rand, depth - 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return obj;
}

/** Replaces one randomly chosen nested value of a (cloned) good payload with junk. */
export function mutate(good: unknown, rand: () => number): unknown {
  const copy = structuredClone(good);
  const containers: (Record<string, unknown> | unknown[])[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      containers.push(v);
      v.forEach(walk);
    } else if (typeof v === 'object' && v !== null) {
      const rec = v as Record<string, unknown>;
      containers.push(rec);
      Object.values(rec).forEach(walk);
    }
  };
  walk(copy);
  const target = containers[Math.floor(rand() * containers.length)];
  if (target === undefined) return randomJunk(rand);
  if (Array.isArray(target)) {
    if (target.length > 0) target[Math.floor(rand() * target.length)] = randomJunk(rand, 2);
  } else {
    const keys = Object.keys(target);
    const key = keys[Math.floor(rand() * keys.length)];
    if (key !== undefined) target[key] = randomJunk(rand, 2);
  }
  return copy;
}

/** Nested objects deeper than any recursive walker's stack would tolerate. */
export function deepObject(levels: number): unknown {
  let v: unknown = { values: { pm25: 1 } };
  for (let i = 0; i < levels; i++) v = { values: v, n: v, object: v, decoded_payload: v };
  return v;
}
