import type { DecodedReading } from '@ioc/contracts';
import { isFiniteNumber, isRecord, lookup, ownPath } from './guards';
import { normalizeValue } from './native-element';
import { toPosition, type Position } from './position';
import { parseRfc3339 } from './timestamp';
import type { DecodeResult, Reject } from './types';

/** How one device model's decoded payload maps onto catalogue metrics. */
export interface LorawanProfile {
  /**
   * Decoded-payload field → metric code. Dotted paths reach nested objects (`air.pm25`). Only
   * mapped fields are stored: codecs emit many auxiliary fields, and guessing units from names
   * (is `battery` volts or percent?) would store wrong numbers silently.
   */
  fieldMap: Readonly<Record<string, string>>;
  /** Factor applied to a field before storing, e.g. 0.1 for a codec that sends deci-degrees. */
  scale?: Readonly<Record<string, number>>;
  /** Decoded-payload paths of the coordinates, for mobile devices. */
  position?: { lon: string; lat: string };
}

export interface LorawanDevice {
  deviceId: string;
  profile: LorawanProfile;
}

export interface LorawanContext {
  /** Resolves a DevEUI (16 upper-case hex digits) to a platform device; undefined if unknown. */
  resolveDevEui(devEui: string): LorawanDevice | undefined;
}

/** One gateway's view of an uplink, already read from the network server's own field names. */
export interface Reception {
  rssi: number | undefined;
  snr: number | undefined;
  gatewayTime: Date | undefined;
  serverTime: Date | undefined;
}

/**
 * Gateways without GPS often run on a wrong clock; their timestamp is preferred (it is closest
 * to the measurement) only while it agrees with the network server within this window.
 */
export const MAX_GATEWAY_SKEW_MS = 5 * 60_000;

/** `00-04-a3-0b-00-1c-05-30` / `0004a30b001c0530` → `0004A30B001C0530`; undefined if not an EUI-64. */
export function normalizeDevEui(raw: string): string | undefined {
  const hex = raw.replace(/[-:\s]/g, '').toUpperCase();
  return /^[0-9A-F]{16}$/.test(hex) ? hex : undefined;
}

export function optionalTime(raw: unknown): Date | undefined {
  return typeof raw === 'string' ? parseRfc3339(raw) : undefined;
}

/** The reception with the strongest signal: its RSSI/SNR describe the link that worked best. */
export function bestReception(receptions: readonly Reception[]): Reception | undefined {
  let best: Reception | undefined;
  for (const r of receptions) {
    if (best === undefined || (r.rssi ?? -Infinity) > (best.rssi ?? -Infinity)) best = r;
  }
  return best;
}

/** Gateway time if sane, else the first network-server time; undefined → receipt time. */
export function pickUplinkTime(
  gatewayTime: Date | undefined,
  serverTimes: readonly (Date | undefined)[],
): Date | undefined {
  const server = serverTimes.find((t) => t !== undefined);
  if (gatewayTime === undefined) return server;
  if (server === undefined) return gatewayTime;
  return Math.abs(gatewayTime.getTime() - server.getTime()) <= MAX_GATEWAY_SKEW_MS
    ? gatewayTime
    : server;
}

export interface UplinkParts {
  devEui: string;
  decoded: unknown;
  receptions: readonly Reception[];
  /** Network-server times in order of preference, after the best gateway's own time. */
  serverTimes: readonly (Date | undefined)[];
  /** The uplink carried application bytes (TTS `frm_payload`, ChirpStack `data`). */
  hasRawPayload: boolean;
}

/**
 * The part both network servers share once their envelopes are read: resolve the device, map
 * decoded fields through its profile, and add link quality as `rssi` / `snr` readings.
 */
export function decodeUplink(parts: UplinkParts, ctx: LorawanContext): DecodeResult {
  const out: DecodeResult = { readings: [], rejects: [] };
  const devEui = normalizeDevEui(parts.devEui);
  if (devEui === undefined) {
    out.rejects.push({
      reason: 'bad_shape',
      message: `not a DevEUI: "${parts.devEui.slice(0, 40)}"`,
    });
    return out;
  }
  const device = ctx.resolveDevEui(devEui);
  if (device === undefined) {
    out.rejects.push({
      reason: 'unknown_dev_eui',
      message: `no device registered for DevEUI ${devEui}`,
    });
    return out;
  }
  const { deviceId, profile } = device;
  const best = bestReception(parts.receptions);
  const gatewayTime =
    best?.gatewayTime ?? parts.receptions.find((r) => r.gatewayTime !== undefined)?.gatewayTime;
  const time = pickUplinkTime(gatewayTime, [...parts.serverTimes, best?.serverTime]);

  if (parts.decoded !== undefined && !isRecord(parts.decoded)) {
    out.rejects.push({
      reason: 'bad_shape',
      message: 'decoded payload is not an object',
      deviceId,
    });
    return out;
  }
  const decoded = parts.decoded ?? {};
  const position = readPosition(decoded, profile);
  if (position !== undefined && 'reason' in position) {
    out.rejects.push({ ...position, deviceId });
    return out;
  }
  const add = (metric: string, value: unknown): void => {
    const reading: DecodedReading = { deviceId, metric, value, time };
    if (position !== undefined) reading.position = position;
    out.readings.push(reading);
  };
  for (const [field, metric] of Object.entries(profile.fieldMap)) {
    const raw = ownPath(decoded, field);
    if (raw === undefined || raw === null) continue; // codecs omit fields per port / frame type
    const factor = lookup(profile.scale, field);
    add(metric, isFiniteNumber(raw) && factor !== undefined ? raw * factor : normalizeValue(raw));
  }
  // Network servers omit zero-valued fields, so a missing SNR may mean 0 dB; not guessing.
  if (best?.rssi !== undefined) add('rssi', best.rssi);
  if (best?.snr !== undefined) add('snr', best.snr);
  const unmapped = unmappedFields(decoded, profile);
  if (unmapped.length > 0) {
    const names = unmapped.slice(0, MAX_NAMED).join(', ');
    const more = unmapped.length > MAX_NAMED ? ` and ${unmapped.length - MAX_NAMED} more` : '';
    out.rejects.push({
      reason: 'not_mapped',
      message: `decoded fields not in the device profile's fieldMap, not stored: ${names}${more}`,
      deviceId,
    });
  }
  if (parts.decoded === undefined && parts.hasRawPayload) {
    out.rejects.push({
      reason: 'not_decoded',
      message:
        'uplink has raw bytes only: the network server decoded nothing (add a payload formatter/codec for this device there); only link quality was stored',
      deviceId,
    });
  }
  return out;
}

const MAX_NAMED = 20;

/**
 * Leaf paths of the decoded payload that neither the field map nor the position reads. Arrays
 * and objects more than four levels deep count as one field each.
 */
function unmappedFields(decoded: Record<string, unknown>, profile: LorawanProfile): string[] {
  const used = new Set(Object.keys(profile.fieldMap));
  if (profile.position) used.add(profile.position.lon).add(profile.position.lat);
  const out: string[] = [];
  const walk = (value: Record<string, unknown>, prefix: string, depth: number): void => {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      if (used.has(path)) continue;
      if (isRecord(child) && depth < 4) walk(child, path, depth + 1);
      else out.push(path.slice(0, 60));
    }
  };
  walk(decoded, '', 1);
  return out;
}

function readPosition(
  decoded: Record<string, unknown>,
  profile: LorawanProfile,
): Position | Reject | undefined {
  if (profile.position === undefined) return undefined;
  const lon = ownPath(decoded, profile.position.lon);
  const lat = ownPath(decoded, profile.position.lat);
  const parsed = toPosition(lon ?? undefined, lat ?? undefined);
  return parsed.ok ? parsed.position : { reason: 'bad_shape', message: parsed.message };
}
