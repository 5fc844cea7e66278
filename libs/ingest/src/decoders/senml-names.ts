import { lookup } from './guards';
import type { UomLookup } from './metric-units';
import { isConvertible, metricOfQuantityUnit } from './unit-conversion';

/**
 * Common SenML / vendor names for catalogue metrics. A name with several candidates is settled
 * by the record's unit: "battery" in V is battery_v, in %EL it is battery. There is no
 * "voltage" alias: a voltage may be a mains supply (RFC 8428's own 120.1 V example), and storing
 * it as a battery's voltage would be wrong; devices name their battery voltage "battery" in V.
 */
export const DEFAULT_SENML_ALIASES: ReadonlyMap<string, readonly string[]> = new Map<
  string,
  readonly string[]
>([
  ['temp', ['temperature']],
  ['temperature', ['temperature']],
  ['air_temperature', ['temperature']],
  ['hum', ['humidity']],
  ['humidity', ['humidity']],
  ['rh', ['humidity']],
  ['pm2_5', ['pm25']],
  ['pm2.5', ['pm25']],
  ['pm25', ['pm25']],
  ['pm10', ['pm10']],
  ['press', ['pressure']],
  ['pressure', ['pressure']],
  ['baro', ['pressure']],
  ['wind_speed', ['wind_speed']],
  ['windspeed', ['wind_speed']],
  ['wind_dir', ['wind_direction']],
  ['wind_direction', ['wind_direction']],
  ['winddirection', ['wind_direction']],
  ['rain', ['rainfall']],
  ['rainfall', ['rainfall']],
  ['precipitation', ['rainfall']],
  ['level', ['water_level']],
  ['water_level', ['water_level']],
  ['waterlevel', ['water_level']],
  ['flow', ['flow_rate']],
  ['noise', ['noise_laeq']],
  ['laeq', ['noise_laeq']],
  ['sound', ['noise_laeq']],
  ['bat', ['battery', 'battery_v']],
  ['batt', ['battery', 'battery_v']],
  ['battery', ['battery', 'battery_v']],
  ['power', ['power_kw']],
  ['energy', ['energy_kwh']],
  ['vehicles', ['vehicle_count']],
  ['rssi', ['rssi']],
  ['snr', ['snr']],
]);

// RFC 8428 names may use these to separate a device prefix from the measurement.
const SEPARATORS = [':', '/', ';'];

/**
 * A device URN (RFC 9039: `urn:dev:<type>:<id>`, types mac, ow, org, os, ops …) at the start of
 * a name. The id has no separator, so `urn:dev:ow:10e2073a01080063` is a device and nothing
 * else, and `urn:dev:ow:10e2073a01080063:temp` is that device's `temp`.
 */
const DEVICE_URN = /^urn:dev:[a-z0-9]+:[^:/;]+/i;

/**
 * Splits `urn:dev:ops:aq-01:pm25` into the device part and the local measurement name. A name
 * that is only a device URN has an empty local name: the record's unit says what it measures.
 */
export function splitSenmlName(name: string): { devicePart: string; local: string } {
  const urn = DEVICE_URN.exec(name);
  if (urn !== null) {
    // What follows the URN is the measurement; its last segment, as for other names.
    const rest = name.slice(urn[0].length);
    let cut = -1;
    for (const sep of SEPARATORS) cut = Math.max(cut, rest.lastIndexOf(sep));
    return { devicePart: urn[0], local: rest.slice(cut + 1) };
  }
  let cut = -1;
  for (const sep of SEPARATORS) cut = Math.max(cut, name.lastIndexOf(sep));
  return cut < 0
    ? { devicePart: '', local: name }
    : { devicePart: name.slice(0, cut), local: name.slice(cut + 1) };
}

/**
 * Metrics a record names by its unit alone (RFC 8428 section 5.1.1: a device URN, "Cel" and a
 * value is a temperature). Only units that measure one quantity of the catalogue are here.
 */
const METRIC_OF_UNIT: ReadonlyMap<string, string> = new Map([
  ['Cel', 'temperature'],
  ['K', 'temperature'],
]);

/** The metric an unnamed measurement (empty local name) is, from its unit; undefined if none. */
export function metricOfUnit(unit: string | undefined): string | undefined {
  if (unit === undefined) return undefined;
  return METRIC_OF_UNIT.get(unit) ?? metricOfQuantityUnit(unit);
}

/** `urn:dev:mac:0024befffe804ff1` → `0024befffe804ff1` (RFC 9039 device URNs); others unchanged. */
export function deviceIdFromNamePart(devicePart: string): string {
  const m = /^urn:dev:[a-z0-9]+:(.+)$/i.exec(devicePart);
  return m?.[1] ?? devicePart;
}

export interface MetricNameOptions {
  nameMap?: Readonly<Record<string, string>>;
  uomOf: UomLookup;
}

/** Resolves a SenML name to a metric code; an unresolvable name is returned as-is for validation. */
export function resolveMetricName(
  fullName: string,
  local: string,
  unit: string | undefined,
  opts: MetricNameOptions,
): string {
  const lower = local.toLowerCase();
  const mapped =
    lookup(opts.nameMap, fullName) ?? lookup(opts.nameMap, local) ?? lookup(opts.nameMap, lower);
  if (mapped !== undefined) return mapped;
  // Aliases first: "battery" is itself a metric code, yet in V it means battery_v.
  const candidates = DEFAULT_SENML_ALIASES.get(lower);
  if (candidates === undefined) return opts.uomOf(lower) !== undefined ? lower : local;
  const fits = candidates.find((code) => {
    const uom = opts.uomOf(code);
    return unit === undefined || uom === undefined || isConvertible(unit, uom, code);
  });
  return fits ?? candidates[0] ?? local;
}
