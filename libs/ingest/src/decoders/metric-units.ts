/**
 * Canonical unit of every catalogue metric. Decoders need it without a database round trip to
 * convert SenML units; it mirrors libs/db/migrations/0002_metric_catalogue.sql, and a spec
 * fails when the two drift. Collectors may pass the live catalogue instead.
 */
export const CANONICAL_UOM: ReadonlyMap<string, string> = new Map([
  ['pm25', 'µg/m³'],
  ['pm10', 'µg/m³'],
  ['o3', 'µg/m³'],
  ['no2', 'µg/m³'],
  ['so2', 'µg/m³'],
  ['co', 'µg/m³'],
  ['temperature', '°C'],
  ['humidity', '%'],
  ['pressure', 'hPa'],
  ['wind_speed', 'm/s'],
  ['wind_direction', '°'],
  ['rainfall', 'mm'],
  ['water_level', 'm'],
  ['flow_rate', 'm³/s'],
  ['vehicle_count', 'veh'],
  ['avg_speed', 'km/h'],
  ['occupancy', '%'],
  ['noise_laeq', 'dB(A)'],
  ['power_kw', 'kW'],
  ['energy_kwh', 'kWh'],
  ['wifi_clients', 'clients'],
  ['wifi_up', 'bool'],
  ['speaker_up', 'bool'],
  ['speed_knots', 'kn'],
  ['heading', '°'],
  ['battery', '%'],
  ['battery_v', 'V'],
  ['rssi', 'dBm'],
  ['snr', 'dB'],
]);

/** Where decoders look up a metric's canonical unit; `undefined` means "not a catalogue metric". */
export type UomLookup = (metric: string) => string | undefined;

export const defaultUomLookup: UomLookup = (metric) => CANONICAL_UOM.get(metric);
