type Convert = (value: number) => number;

const same: Convert = (v) => v;
const times =
  (k: number): Convert =>
  (v) =>
    v * k;

const KNOT_MS = 1852 / 3600;

/**
 * SenML units (RFC 8428 registry and RFC 8798 secondary units) accepted for each canonical
 * unit of the metric catalogue, with the conversion into the canonical unit. Keyed by canonical
 * unit, not metric: rainfall (mm) and water level (m) then get the right factor for "cm".
 */
const TO_CANONICAL: ReadonlyMap<string, ReadonlyMap<string, Convert>> = new Map<
  string,
  ReadonlyMap<string, Convert>
>([
  [
    'µg/m³',
    new Map([
      ['ug/m3', same],
      ['mg/m3', times(1e3)],
      ['kg/m3', times(1e9)],
    ]),
  ],
  [
    '°C',
    new Map([
      ['Cel', same],
      ['K', (v: number) => v - 273.15],
    ]),
  ],
  [
    '%',
    new Map([
      ['%', same],
      ['/', times(100)],
    ]),
  ],
  [
    'hPa',
    new Map([
      ['hPa', same],
      ['Pa', times(0.01)],
      ['kPa', times(10)],
    ]),
  ],
  [
    'm/s',
    new Map([
      ['m/s', same],
      ['km/h', times(1 / 3.6)],
      ['kn', times(KNOT_MS)],
    ]),
  ],
  [
    'km/h',
    new Map([
      ['km/h', same],
      ['m/s', times(3.6)],
      ['kn', times(1.852)],
    ]),
  ],
  [
    'kn',
    new Map([
      ['kn', same],
      ['m/s', times(1 / KNOT_MS)],
      ['km/h', times(1 / 1.852)],
    ]),
  ],
  [
    '°',
    new Map([
      ['deg', same],
      ['rad', times(180 / Math.PI)],
    ]),
  ],
  [
    'mm',
    new Map([
      ['mm', same],
      ['cm', times(10)],
      ['m', times(1000)],
    ]),
  ],
  [
    'm',
    new Map([
      ['m', same],
      ['cm', times(0.01)],
      ['mm', times(0.001)],
      ['km', times(1000)],
    ]),
  ],
  [
    'm³/s',
    new Map([
      ['m3/s', same],
      ['l/s', times(0.001)],
    ]),
  ],
  ['veh', new Map([['count', same]])],
  ['clients', new Map([['count', same]])],
  // SenML has no A-weighted unit; sound level meters report LAeq as plain "dB".
  ['dB(A)', new Map([['dB', same]])],
  [
    'kW',
    new Map([
      ['kW', same],
      ['W', times(0.001)],
    ]),
  ],
  [
    'kWh',
    new Map([
      ['kWh', same],
      ['Wh', times(0.001)],
      ['J', times(1 / 3.6e6)],
    ]),
  ],
  [
    'V',
    new Map([
      ['V', same],
      ['mV', times(0.001)],
    ]),
  ],
  [
    'dBm',
    new Map([
      ['dBm', same],
      ['dBW', (v: number) => v + 30],
    ]),
  ],
  ['dB', new Map([['dB', same]])],
]);

/**
 * SenML units that name a quantity, not only a scale (RFC 8428 units registry): `%RH` is a
 * relative humidity and `%EL` a battery's remaining energy, though both are percentages. Each
 * is accepted for its own metric only, so a humidity sent as `%EL` is refused instead of being
 * stored as something it is not.
 */
const QUANTITY_UNITS: ReadonlyMap<string, { metric: string; convert: Convert }> = new Map([
  ['%RH', { metric: 'humidity', convert: same }],
  ['%EL', { metric: 'battery', convert: same }],
]);

/** What a quantity unit measures (`%RH` → humidity), for records named by their unit alone. */
export function metricOfQuantityUnit(unit: string): string | undefined {
  return QUANTITY_UNITS.get(unit)?.metric;
}

function converter(unit: string, canonicalUom: string, metric: string | undefined) {
  const quantity = QUANTITY_UNITS.get(unit);
  if (quantity !== undefined) return quantity.metric === metric ? quantity.convert : undefined;
  return TO_CANONICAL.get(canonicalUom)?.get(unit);
}

/**
 * True when `unit` can be converted into `canonicalUom` (or already is it). `metric` names the
 * quantity: quantity units (`%RH`, `%EL`) fit only their own metric.
 */
export function isConvertible(unit: string, canonicalUom: string, metric?: string): boolean {
  return unit === canonicalUom || converter(unit, canonicalUom, metric) !== undefined;
}

/**
 * Converts a value sent in `unit` into the metric's canonical unit. Returns undefined when the
 * unit does not measure that quantity (e.g. "Pa" for a temperature, "%EL" for a humidity) — a
 * unit_conversion reject.
 */
export function toCanonicalUnit(
  value: number,
  unit: string,
  canonicalUom: string,
  metric?: string,
): number | undefined {
  if (unit === canonicalUom) return value;
  const convert = converter(unit, canonicalUom, metric);
  if (convert === undefined) return undefined;
  // 12 significant digits: drop binary noise (293.15 K → 20, not 20.000000000000023).
  return Number(convert(value).toPrecision(12));
}
