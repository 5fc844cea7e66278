import { wsServerMessageSchema, type ReadingDelta, type WsServerMessage } from '@ioc/contracts';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keeps only finite numeric values; a delta with none left is dropped. */
function parseDelta(v: unknown): ReadingDelta | null {
  if (!isObj(v) || typeof v['deviceId'] !== 'string' || typeof v['time'] !== 'string') return null;
  const rawValues = v['values'];
  if (!isObj(rawValues)) return null;
  const values: Record<string, number> = {};
  let any = false;
  for (const [metric, value] of Object.entries(rawValues)) {
    if (typeof value === 'number' && Number.isFinite(value)) {
      values[metric] = value;
      any = true;
    }
  }
  if (!any) return null;
  const unitCode = typeof v['unitCode'] === 'string' ? v['unitCode'] : null;
  return { deviceId: v['deviceId'], unitCode, time: v['time'], values };
}

/**
 * Parses one WebSocket frame. Readings arrive at thousands per second, so they are read by hand
 * (typed by the contract's ReadingDelta) and leniently: a bad value drops that value, a bad delta
 * that delta. Every other message is rare and is parsed with the contract's schema. Anything
 * unexpected yields null and is ignored, never thrown.
 */
export function parseServerMessage(raw: string): WsServerMessage | null {
  let msg: unknown;
  try {
    msg = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObj(msg) || typeof msg['type'] !== 'string') return null;
  if (msg['type'] === 'readings') {
    const deltas = Array.isArray(msg['deltas']) ? msg['deltas'] : [];
    const parsed: ReadingDelta[] = [];
    for (const d of deltas) {
      const delta = parseDelta(d);
      if (delta) parsed.push(delta);
    }
    const str = (k: string): string => (typeof msg[k] === 'string' ? msg[k] : '');
    return { type: 'readings', channel: str('channel'), asOf: str('asOf'), deltas: parsed };
  }
  const parsed = wsServerMessageSchema.safeParse(msg);
  return parsed.success ? parsed.data : null;
}
