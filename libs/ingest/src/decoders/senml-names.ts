import { lookup } from './guards';
import type { UomLookup } from './metric-units';
import { isConvertible } from './unit-conversion';

/**
 * Common SenML / vendor names for catalogue metrics. A name with several candidates is settled
 * by the record's unit: "battery" in V is battery_v, in %EL it is battery.
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
  ['voltage', ['battery_v']],
  ['power', ['power_kw']],
  ['energy', ['energy_kwh']],
  ['vehicles', ['vehicle_count']],
  ['rssi', ['rssi']],
  ['snr', ['snr']],
]);

// RFC 8428 names may use these to separate a device prefix from the measurement.
const SEPARATORS = [':', '/', ';'];

/** Splits `urn:dev:ops:aq-01:pm25` into the device part and the local measurement name. */
export function splitSenmlName(name: string): { devicePart: string; local: string } {
  let cut = -1;
  for (const sep of SEPARATORS) cut = Math.max(cut, name.lastIndexOf(sep));
  return cut < 0
    ? { devicePart: '', local: name }
    : { devicePart: name.slice(0, cut), local: name.slice(cut + 1) };
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
    return unit === undefined || uom === undefined || isConvertible(unit, uom);
  });
  return fits ?? candidates[0] ?? local;
}
