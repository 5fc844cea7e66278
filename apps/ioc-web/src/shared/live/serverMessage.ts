import type { ReadingDelta, WsServerMessage } from '@ioc/contracts';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
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
 * Parses one WebSocket frame. Hand-written rather than schema-driven because readings arrive at
 * thousands per second; anything unexpected yields null and is ignored, never thrown.
 */
export function parseServerMessage(raw: string): WsServerMessage | null {
  let msg: unknown;
  try {
    msg = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObj(msg) || typeof msg['type'] !== 'string') return null;
  const str = (k: string): string => (typeof msg[k] === 'string' ? msg[k] : '');
  switch (msg['type']) {
    case 'readings': {
      const deltas = Array.isArray(msg['deltas']) ? msg['deltas'] : [];
      const parsed: ReadingDelta[] = [];
      for (const d of deltas) {
        const delta = parseDelta(d);
        if (delta) parsed.push(delta);
      }
      return { type: 'readings', channel: str('channel'), asOf: str('asOf'), deltas: parsed };
    }
    case 'subscribed':
      return {
        type: 'subscribed',
        channels: isStringArray(msg['channels']) ? msg['channels'] : [],
      };
    case 'refused':
      return {
        type: 'refused',
        channel: str('channel'),
        code: str('code'),
        message: str('message'),
      };
    case 'pong':
      return { type: 'pong' };
    case 'error':
      return { type: 'error', code: str('code'), message: str('message') };
    case 'alert':
      return { type: 'alert', channel: str('channel'), asOf: str('asOf'), alert: msg['alert'] };
    case 'rollup':
      return { type: 'rollup', channel: str('channel'), asOf: str('asOf'), rollup: msg['rollup'] };
    case 'indicator':
      return {
        type: 'indicator',
        channel: str('channel'),
        asOf: str('asOf'),
        indicator: msg['indicator'],
      };
    default:
      return null;
  }
}
