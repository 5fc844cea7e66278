import type { DecodedReading } from '@ioc/contracts';
import { defineDecoder } from './define-decoder';
import { describe, isRecord, own } from './guards';
import { parseJsonPayload } from './json-payload';
import { defaultUomLookup, type UomLookup } from './metric-units';
import { lookup } from './guards';
import {
  deviceIdFromNamePart,
  metricOfUnit,
  resolveMetricName,
  splitSenmlName,
} from './senml-names';
import type { DecodeResult, Reject } from './types';
import { toCanonicalUnit } from './unit-conversion';

export interface SenmlContext {
  /**
   * The device behind the credential or topic, when known. It wins over names in the pack; a
   * record naming another device is refused as `topic_not_owned`.
   */
  deviceId?: string;
  /** Other spellings a pack may use for the credential's device (e.g. `urn:dev:mac:<EUI>`). */
  deviceAliases?: readonly string[];
  /** Receipt time: SenML times below 2^28 are relative to it. */
  now: Date;
  /** Extra name → metric code entries, checked before the built-in aliases (full or local names). */
  nameMap?: Readonly<Record<string, string>>;
  /** Canonical unit per metric; defaults to the built-in copy of the metric catalogue. */
  uomOf?: UomLookup;
}

/** RFC 8428: resolved times below 2^28 seconds are relative to "now". */
const RELATIVE_LIMIT_S = 2 ** 28;
const VALUE_FIELDS = ['v', 'vs', 'vb', 'vd', 's'] as const;
const BASE_FIELDS = ['bn', 'bt', 'bu', 'bv', 'bs', 'bver'] as const;

/** A `lat` or `lon` record (RFC 8428 units): the position of the device's readings at its time. */
interface PositionPart {
  deviceId: string;
  time: Date | undefined;
  axis: 'lat' | 'lon';
  value: number;
}

interface BaseState {
  bn: string;
  bt: number;
  bu: string | undefined;
  bv: number;
}

/** SenML JSON pack (RFC 8428): base fields carry over, each record is judged on its own. */
export const senmlDecoder = defineDecoder<SenmlContext>('senml', (payload, ctx) => {
  const parsed = parseJsonPayload(payload);
  if (!parsed.ok) return { readings: [], rejects: [withDevice(parsed.reject, ctx.deviceId)] };
  return decodeSenmlValue(parsed.value, ctx);
});

/** Shared with the device-telemetry dispatcher, which has already parsed the payload. */
export function decodeSenmlValue(pack: unknown, ctx: SenmlContext): DecodeResult {
  const out: DecodeResult = { readings: [], rejects: [] };
  if (!Array.isArray(pack)) {
    out.rejects.push(
      withDevice(
        { reason: 'bad_shape', message: `SenML pack must be an array, got ${describe(pack)}` },
        ctx.deviceId,
      ),
    );
    return out;
  }
  const base: BaseState = { bn: '', bt: 0, bu: undefined, bv: 0 };
  const positions: { part: PositionPart; index: number }[] = [];
  pack.forEach((record: unknown, index) => {
    const result = decodeRecord(record, base, ctx);
    if (result === undefined) return;
    if ('axis' in result) positions.push({ part: result, index });
    else if ('reason' in result) out.rejects.push({ ...withDevice(result, ctx.deviceId), index });
    else out.readings.push(result);
  });
  attachPositions(out, positions);
  return out;
}

const timeKey = (deviceId: string, time: Date | undefined) =>
  `${deviceId}|${time === undefined ? 'now' : time.getTime()}`;

/**
 * RFC 8428 section 5.1.3: `lat`/`lon` records give where the device was when it measured the
 * records of the same time. The pair goes onto those readings (as a vessel's position does);
 * half a pair, an out-of-range one, or one with no measurement at its time is refused.
 */
function attachPositions(out: DecodeResult, positions: { part: PositionPart; index: number }[]) {
  if (positions.length === 0) return;
  const pairs = new Map<
    string,
    { lat?: number; lon?: number; indexes: number[]; deviceId: string }
  >();
  for (const { part, index } of positions) {
    const key = timeKey(part.deviceId, part.time);
    const pair = pairs.get(key) ?? { indexes: [], deviceId: part.deviceId };
    pair[part.axis] = part.value;
    pair.indexes.push(index);
    pairs.set(key, pair);
  }
  const placed = new Set<string>();
  for (const reading of out.readings) {
    const key = timeKey(reading.deviceId, reading.time);
    const pair = pairs.get(key);
    if (pair?.lat === undefined || pair.lon === undefined) continue;
    if (Math.abs(pair.lat) > 90 || Math.abs(pair.lon) > 180) continue;
    reading.position = { lon: pair.lon, lat: pair.lat };
    placed.add(key);
  }
  for (const [key, pair] of pairs) {
    if (placed.has(key)) continue;
    const message =
      pair.lat === undefined || pair.lon === undefined
        ? 'SenML position needs both a "lat" and a "lon" record at the same time'
        : Math.abs(pair.lat) > 90 || Math.abs(pair.lon) > 180
          ? `position out of WGS84 range: lon ${pair.lon}, lat ${pair.lat}`
          : 'SenML position has no measurement of the device at the same time to go with';
    out.rejects.push({
      reason: 'bad_shape',
      message,
      deviceId: pair.deviceId,
      index: pair.indexes[0],
    });
  }
}

function decodeRecord(
  record: unknown,
  base: BaseState,
  ctx: SenmlContext,
): DecodedReading | PositionPart | Reject | undefined {
  if (!isRecord(record)) {
    return {
      reason: 'bad_shape',
      message: `SenML record must be an object, got ${describe(record)}`,
    };
  }
  const mustUnderstand = Object.keys(record).find((k) => k.endsWith('_'));
  if (mustUnderstand !== undefined) {
    return {
      reason: 'bad_shape',
      message: `unsupported must-understand field "${mustUnderstand.slice(0, 40)}"`,
    };
  }
  const baseError = updateBase(record, base);
  if (baseError !== undefined) return { reason: 'bad_shape', message: baseError };

  if (!VALUE_FIELDS.some((f) => own(record, f) !== undefined)) {
    // A record of base fields only just sets context for the records after it.
    if (BASE_FIELDS.some((f) => own(record, f) !== undefined)) return undefined;
    return { reason: 'bad_shape', message: 'SenML record has no value (v, vb, vs, vd)' };
  }

  const n = own(record, 'n') ?? '';
  const t = own(record, 't') ?? 0;
  const u = own(record, 'u');
  if (typeof n !== 'string') return { reason: 'bad_shape', message: '"n" must be a string' };
  if (typeof t !== 'number') return { reason: 'bad_shape', message: '"t" must be a number' };
  if (u !== undefined && typeof u !== 'string')
    return { reason: 'bad_shape', message: '"u" must be a string' };

  const name = base.bn + n;
  if (name === '') return { reason: 'bad_shape', message: 'SenML record has no name (bn + n)' };
  const unit = u ?? base.bu;
  const { devicePart, local } = splitSenmlName(name);

  const device = resolveDevice(devicePart, ctx);
  if (typeof device !== 'string') return device;

  const uomOf = ctx.uomOf ?? defaultUomLookup;
  const time = resolveTime(base.bt + t, ctx.now);
  if (time !== undefined && Number.isNaN(time.getTime())) {
    return {
      reason: 'bad_timestamp',
      message: `SenML time out of range: ${base.bt + t}`,
      deviceId: device,
    };
  }
  let metric: string;
  if (local === '' && lookup(ctx.nameMap, name) === undefined) {
    // The name is the device alone (RFC 8428 section 5.1.1): the unit says what was measured.
    const v = own(record, 'v');
    if ((unit === 'lat' || unit === 'lon') && typeof v === 'number') {
      return { deviceId: device, time, axis: unit, value: v + base.bv };
    }
    const byUnit = metricOfUnit(unit);
    if (byUnit === undefined) {
      return {
        reason: 'unknown_metric',
        message: `SenML record names only the device (${devicePart.slice(0, 80)}) and its unit ${unit === undefined ? '(none)' : `"${unit.slice(0, 20)}"`} does not say what it measures; give the measurement a name`,
        deviceId: device,
      };
    }
    metric = byUnit;
  } else {
    metric = resolveMetricName(name, local, unit, { nameMap: ctx.nameMap, uomOf });
  }
  const canonical = uomOf(metric);
  const fail = (reason: Reject['reason'], message: string): Reject => ({
    reason,
    message,
    deviceId: device,
  });

  let value: number;
  const v = own(record, 'v');
  const vb = own(record, 'vb');
  if (v !== undefined) {
    if (typeof v !== 'number') return fail('not_numeric', `"v" for ${metric} is ${describe(v)}`);
    value = v + base.bv;
  } else if (vb !== undefined) {
    if (typeof vb !== 'boolean')
      return fail('not_numeric', `"vb" for ${metric} is ${describe(vb)}`);
    if (canonical !== undefined && canonical !== 'bool') {
      return fail('not_numeric', `boolean value for non-boolean metric ${metric}`);
    }
    value = vb ? 1 : 0;
  } else if (own(record, 'vs') !== undefined || own(record, 'vd') !== undefined) {
    return fail(
      'not_numeric',
      `string/data value for ${metric}; only numbers and booleans are stored`,
    );
  } else {
    return fail('bad_shape', `SenML sum ("s") is not supported for ${metric}; send "v"`);
  }

  const reading: DecodedReading = { deviceId: device, metric, value, time };
  if (unit !== undefined && canonical !== undefined && vb === undefined) {
    const converted = toCanonicalUnit(value, unit, canonical, metric);
    if (converted === undefined) {
      return fail(
        'unit_conversion',
        `cannot convert "${unit.slice(0, 20)}" to ${canonical} for ${metric}`,
      );
    }
    reading.value = converted;
    reading.uom = canonical;
  } else if (unit !== undefined && canonical === undefined) {
    // Not a catalogue metric: keep the unit as sent; validation refuses the metric anyway.
    reading.uom = unit;
  }
  return reading;
}

/** Applies base fields to the running state; returns an error message for mistyped ones. */
function updateBase(record: Record<string, unknown>, base: BaseState): string | undefined {
  const bn = own(record, 'bn');
  const bt = own(record, 'bt');
  const bu = own(record, 'bu');
  const bv = own(record, 'bv');
  if (bn !== undefined && typeof bn !== 'string') return '"bn" must be a string';
  if (bt !== undefined && typeof bt !== 'number') return '"bt" must be a number';
  if (bu !== undefined && typeof bu !== 'string') return '"bu" must be a string';
  if (bv !== undefined && typeof bv !== 'number') return '"bv" must be a number';
  if (bn !== undefined) base.bn = bn;
  if (bt !== undefined) base.bt = bt;
  if (bu !== undefined) base.bu = bu;
  if (bv !== undefined) base.bv = bv;
  return undefined;
}

/** The credential's device wins; a pack may only name it (or one of its aliases). */
function resolveDevice(devicePart: string, ctx: SenmlContext): string | Reject {
  if (devicePart === '') {
    return (
      ctx.deviceId ?? {
        reason: 'unknown_device',
        message: 'SenML name carries no device and none is authenticated',
      }
    );
  }
  const named = deviceIdFromNamePart(devicePart);
  if (ctx.deviceId === undefined) return named;
  const mine = [ctx.deviceId, ...(ctx.deviceAliases ?? [])];
  if (mine.includes(named) || mine.includes(devicePart)) return ctx.deviceId;
  // deviceId stays the authenticated sender: the dead letter must say who tried, not whom.
  return {
    reason: 'topic_not_owned',
    message: `device ${ctx.deviceId} may not publish for ${devicePart.slice(0, 80)}`,
    deviceId: ctx.deviceId,
  };
}

/** 0 = "roughly now" (left undefined: receipt time applies); below 2^28 relative; else epoch s. */
function resolveTime(seconds: number, now: Date): Date | undefined {
  if (seconds === 0) return undefined;
  const ms = seconds < RELATIVE_LIMIT_S ? now.getTime() + seconds * 1000 : seconds * 1000;
  return new Date(Math.round(ms));
}

function withDevice(reject: Reject, deviceId: string | undefined): Reject {
  return deviceId === undefined || reject.deviceId !== undefined ? reject : { ...reject, deviceId };
}
