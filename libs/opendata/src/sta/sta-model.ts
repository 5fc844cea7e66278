import { kindLabels } from './sta-kinds';
import type { SqlParams } from './sql-params';

/** The SensorThings entity sets (OGC 18-088 §8.2), each over the existing tables. */
export const SET_NAMES = [
  'Things',
  'Locations',
  'HistoricalLocations',
  'Datastreams',
  'Sensors',
  'ObservedProperties',
  'Observations',
  'FeaturesOfInterest',
] as const;
export type SetName = (typeof SET_NAMES)[number];

export type ValueType = 'string' | 'number' | 'time' | 'boolean' | 'json' | 'geo';
export type Row = Record<string, unknown>;

/** A property a $filter or $orderby may name: its SQL over the set's row alias, and its type. */
export interface PropDef {
  sql: (alias: string) => string;
  type: ValueType;
}

/** A navigation property: the target's `childCol` equals this entity's `parentCol`. */
export interface Relation {
  target: SetName;
  many: boolean;
  parentCol: string;
  childCol: string;
}

export interface QueryContext {
  lang: 'vi' | 'en';
}

export interface EntitySet {
  name: SetName;
  /** The entity type, as in `Datastream/Thing/id`. */
  entity: string;
  /** One SELECT over the open_public_* views with the set's columns (always an `id`). */
  base: (p: SqlParams, ctx: QueryContext) => string;
  props: Readonly<Record<string, PropDef>>;
  /** JSON-valued properties whose members a path may name (`properties/kind`). */
  json?: Readonly<Record<string, (alias: string) => string>>;
  /** Properties $select may name, in the order entities are written. */
  selectable: readonly string[];
  nav: Readonly<Record<string, Relation>>;
  /** Properties that are the set's position (`lon`, `lat` columns, already rounded). */
  geo?: readonly string[];
  /** Default order (SQL over the alias); the key always ends it so paging is stable. */
  defaultOrder: (alias: string) => string;
  /** How the set's rows are matched by their ids; default `alias.id = ANY(ids)`. */
  keyMatch?: (alias: string, ids: readonly string[], p: SqlParams) => string;
  /** The entity's own properties (annotations and links are added by the formatter). */
  format: (row: Row, serviceRoot: string) => Row;
}

/**
 * unitOfMeasurement.name: the unit's own name (OGC 18-088 §8.2.4 examples: "degree Celsius"),
 * not the quantity's. The catalogue stores symbols only; a symbol missing here is its own name.
 */
const UOM_NAMES: Readonly<Record<string, string>> = {
  'µg/m³': 'microgram per cubic metre',
  '°C': 'degree Celsius',
  '%': 'percent',
  hPa: 'hectopascal',
  'm/s': 'metre per second',
  '°': 'degree',
  mm: 'millimetre',
  m: 'metre',
  'm³/s': 'cubic metre per second',
  veh: 'vehicle',
  'km/h': 'kilometre per hour',
  'dB(A)': 'A-weighted decibel',
  kW: 'kilowatt',
  kWh: 'kilowatt hour',
  clients: 'client',
  bool: 'boolean (0 or 1)',
  kn: 'knot',
  V: 'volt',
  dBm: 'decibel-milliwatt',
  dB: 'decibel',
};
const sqlText = (v: string) => `'${v.replace(/'/g, "''")}'`;
const UOM_NAME_SQL = `CASE m.uom ${Object.entries(UOM_NAMES)
  .map(([sym, name]) => `WHEN ${sqlText(sym)} THEN ${sqlText(name)}`)
  .join(' ')} ELSE m.uom END`;

const col = (name: string, type: ValueType): PropDef => ({ sql: (a) => `${a}.${name}`, type });
const iso = (v: unknown): string | null =>
  v instanceof Date
    ? v.toISOString()
    : v === null || v === undefined
      ? null
      : new Date(v as string).toISOString();
const point = (row: Row): unknown =>
  row.lon === null || row.lon === undefined
    ? null
    : { type: 'Point', coordinates: [Number(row.lon), Number(row.lat)] };
const epochMs = (expr: string) => `floor(extract(epoch from ${expr}) * 1000)::bigint`;
/** A position rounded to open_data_setting.position_decimals (NULL = exact). */
const rounded = (value: string, decimals: string) =>
  `CASE WHEN ${decimals} IS NULL THEN ${value} ELSE round(${value}::numeric, ${decimals})::float8 END`;

/** Public devices with their rounded position, kind label and unit: the root of every set. */
function things(p: SqlParams, ctx: QueryContext): string {
  const { kinds, labels } = kindLabels(ctx.lang);
  const label = `(SELECT k.label FROM unnest(${p.add(kinds)}::text[], ${p.add(labels)}::text[]) AS k(kind, label) WHERE k.kind = d.kind)`;
  return `SELECT d.id, COALESCE(d.name, d.id) AS name,
      concat_ws(' — ', COALESCE(${label}, d.kind), u.name) AS description,
      jsonb_build_object('kind', d.kind, 'unitCode', d.unit_code, 'unitName', u.name, 'mobile', d.mobile) AS properties,
      d.kind, COALESCE(${label}, d.kind) AS kind_label, d.unit_code, d.mobile, d.created_at,
      s.position_decimals AS decimals,
      ${rounded('d.lon', 's.position_decimals')} AS lon, ${rounded('d.lat', 's.position_decimals')} AS lat
    FROM open_public_device d
    LEFT JOIN open_data_setting s ON true
    LEFT JOIN admin_unit u ON u.code = d.unit_code`;
}

/** `(a.c1, a.c2) IN ids split at their first ':'` — a datastream id is `<device>:<metric>`. */
function pairMatch(
  a: string,
  c1: string,
  c2: string,
  ids: readonly string[],
  p: SqlParams,
): string {
  const split = ids.map((id) => {
    const i = id.indexOf(':');
    return i < 0 ? [id, ''] : [id.slice(0, i), id.slice(i + 1)];
  });
  return `(${a}.${c1}, ${a}.${c2}) IN (SELECT * FROM unnest(${p.add(split.map((s) => s[0]))}::text[], ${p.add(split.map((s) => s[1]))}::text[]))`;
}

const positionSet = (name: 'Locations' | 'FeaturesOfInterest'): EntitySet => ({
  name,
  entity: name === 'Locations' ? 'Location' : 'FeatureOfInterest',
  base: (p, ctx) =>
    `SELECT th.id, th.name, concat('Vị trí của ', th.name) AS description, th.lon, th.lat, th.id AS thing_id
     FROM (${things(p, ctx)}) th WHERE th.lon IS NOT NULL AND th.lat IS NOT NULL`,
  props: {
    id: col('id', 'string'),
    name: col('name', 'string'),
    description: col('description', 'string'),
    encodingType: { sql: () => `'application/geo+json'`, type: 'string' },
    ...(name === 'Locations' ? { location: col('lon', 'geo') } : { feature: col('lon', 'geo') }),
  },
  selectable: [
    'id',
    'selfLink',
    'name',
    'description',
    'encodingType',
    name === 'Locations' ? 'location' : 'feature',
  ],
  nav:
    name === 'Locations'
      ? {
          Things: { target: 'Things', many: true, parentCol: 'id', childCol: 'id' },
          HistoricalLocations: {
            target: 'HistoricalLocations',
            many: true,
            parentCol: 'id',
            childCol: 'thing_id',
          },
        }
      : {
          Observations: { target: 'Observations', many: true, parentCol: 'id', childCol: 'foi_id' },
        },
  geo: [name === 'Locations' ? 'location' : 'feature'],
  defaultOrder: (a) => `${a}.id`,
  format: (row) => ({
    name: row.name,
    description: row.description,
    encodingType: 'application/geo+json',
    [name === 'Locations' ? 'location' : 'feature']: point(row),
  }),
});

export const SETS: Readonly<Record<SetName, EntitySet>> = {
  Things: {
    name: 'Things',
    entity: 'Thing',
    base: things,
    props: {
      id: col('id', 'string'),
      name: col('name', 'string'),
      description: col('description', 'string'),
      properties: col('properties', 'json'),
      'Locations/location': col('lon', 'geo'),
      location: col('lon', 'geo'),
    },
    json: { properties: (a) => `${a}.properties` },
    selectable: ['id', 'selfLink', 'name', 'description', 'properties'],
    nav: {
      Locations: { target: 'Locations', many: true, parentCol: 'id', childCol: 'id' },
      HistoricalLocations: {
        target: 'HistoricalLocations',
        many: true,
        parentCol: 'id',
        childCol: 'thing_id',
      },
      Datastreams: { target: 'Datastreams', many: true, parentCol: 'id', childCol: 'thing_id' },
    },
    geo: ['location', 'Locations/location'],
    defaultOrder: (a) => `${a}.id`,
    format: (row) => ({ name: row.name, description: row.description, properties: row.properties }),
  },
  Locations: positionSet('Locations'),
  FeaturesOfInterest: positionSet('FeaturesOfInterest'),
  HistoricalLocations: {
    name: 'HistoricalLocations',
    entity: 'HistoricalLocation',
    // Mobile devices: their recorded positions; fixed devices: one entry when they were made.
    base: (p, ctx) =>
      `SELECT th.id || ':' || ${epochMs('dp.time')} AS id, dp.time, th.id AS thing_id,
         ${rounded('dp.lon', 'th.decimals')} AS lon, ${rounded('dp.lat', 'th.decimals')} AS lat
       FROM (${things(p, ctx)}) th JOIN device_position dp ON dp.device_id = th.id WHERE th.mobile
       UNION ALL
       SELECT th.id || ':' || ${epochMs('th.created_at')}, th.created_at, th.id, th.lon, th.lat
       FROM (${things(p, ctx)}) th WHERE NOT th.mobile`,
    props: { id: col('id', 'string'), time: col('time', 'time') },
    selectable: ['id', 'selfLink', 'time'],
    nav: {
      Thing: { target: 'Things', many: false, parentCol: 'thing_id', childCol: 'id' },
      Locations: { target: 'Locations', many: true, parentCol: 'thing_id', childCol: 'id' },
    },
    defaultOrder: (a) => `${a}.time DESC, ${a}.id`,
    format: (row) => ({ time: iso(row.time) }),
  },
  Sensors: {
    name: 'Sensors',
    entity: 'Sensor',
    base: (p, ctx) =>
      `SELECT th.kind AS id, min(th.kind_label) AS name,
         concat('Loại thiết bị: ', min(th.kind_label), ' (', th.kind, ')') AS description
       FROM (${things(p, ctx)}) th GROUP BY th.kind`,
    props: {
      id: col('id', 'string'),
      name: col('name', 'string'),
      description: col('description', 'string'),
      encodingType: { sql: () => `'text/html'`, type: 'string' },
    },
    selectable: ['id', 'selfLink', 'name', 'description', 'encodingType', 'metadata'],
    nav: {
      Datastreams: { target: 'Datastreams', many: true, parentCol: 'id', childCol: 'sensor_id' },
    },
    defaultOrder: (a) => `${a}.id`,
    format: (row) => ({
      name: row.name,
      description: row.description,
      encodingType: 'text/html',
      metadata: row.description,
    }),
  },
  ObservedProperties: {
    name: 'ObservedProperties',
    entity: 'ObservedProperty',
    base: (p, ctx) =>
      `SELECT m.code AS id, ${ctx.lang === 'en' ? 'm.name_en' : 'm.name_vi'} AS name,
         concat(m.name_vi, ' / ', m.name_en, ' (', m.category, ')') AS description
       FROM open_public_metric m`,
    props: {
      id: col('id', 'string'),
      name: col('name', 'string'),
      description: col('description', 'string'),
    },
    selectable: ['id', 'selfLink', 'name', 'definition', 'description'],
    nav: {
      Datastreams: { target: 'Datastreams', many: true, parentCol: 'id', childCol: 'property_id' },
    },
    defaultOrder: (a) => `${a}.id`,
    format: (row, root) => ({
      name: row.name,
      definition: `${root}/ObservedProperties('${String(row.id)}')`,
      description: row.description,
    }),
  },
  Datastreams: {
    name: 'Datastreams',
    entity: 'Datastream',
    base: (p, ctx) => {
      const metricName = ctx.lang === 'en' ? 'm.name_en' : 'm.name_vi';
      return `SELECT l.device_id || ':' || l.metric AS id, concat(th.name, ' — ', ${metricName}) AS name,
         concat(${metricName}, ' — ', th.description) AS description,
         l.device_id AS thing_id, th.kind AS sensor_id, l.metric AS property_id, m.uom, ${UOM_NAME_SQL} AS uom_name,
         (SELECT min(r.time) FROM reading r WHERE r.device_id = l.device_id AND r.metric = l.metric) AS first_time,
         l.time AS last_time
       FROM device_latest l
       JOIN (${things(p, ctx)}) th ON th.id = l.device_id
       JOIN open_public_metric m ON m.code = l.metric`;
    },
    props: {
      id: col('id', 'string'),
      name: col('name', 'string'),
      description: col('description', 'string'),
      'unitOfMeasurement/symbol': col('uom', 'string'),
      'unitOfMeasurement/name': col('uom_name', 'string'),
      observationType: { sql: () => `'${OM_MEASUREMENT}'`, type: 'string' },
    },
    selectable: [
      'id',
      'selfLink',
      'name',
      'description',
      'unitOfMeasurement',
      'observationType',
      'phenomenonTime',
    ],
    nav: {
      Thing: { target: 'Things', many: false, parentCol: 'thing_id', childCol: 'id' },
      Sensor: { target: 'Sensors', many: false, parentCol: 'sensor_id', childCol: 'id' },
      ObservedProperty: {
        target: 'ObservedProperties',
        many: false,
        parentCol: 'property_id',
        childCol: 'id',
      },
      Observations: {
        target: 'Observations',
        many: true,
        parentCol: 'id',
        childCol: 'datastream_id',
      },
    },
    defaultOrder: (a) => `${a}.id`,
    keyMatch: (a, ids, p) => pairMatch(a, 'thing_id', 'property_id', ids, p),
    format: (row) => ({
      name: row.name,
      description: row.description,
      unitOfMeasurement: {
        name: row.uom_name,
        symbol: row.uom,
        definition: `https://unitsofmeasure.org/ucum#${encodeURIComponent(String(row.uom))}`,
      },
      observationType: OM_MEASUREMENT,
      ...(row.first_time
        ? { phenomenonTime: `${iso(row.first_time) ?? ''}/${iso(row.last_time) ?? ''}` }
        : {}),
    }),
  },
  Observations: {
    name: 'Observations',
    entity: 'Observation',
    base: () =>
      `SELECT r.device_id || ':' || r.metric || ':' || ${epochMs('r.time')} AS id,
         r.time AS phenomenon_time, r.value AS result,
         r.device_id || ':' || r.metric AS datastream_id, r.device_id AS foi_id, r.device_id, r.metric
       FROM reading r
       JOIN device_latest l ON l.device_id = r.device_id AND l.metric = r.metric
       JOIN open_public_device d ON d.id = r.device_id
       JOIN open_public_metric m ON m.code = r.metric`,
    props: {
      id: col('id', 'string'),
      phenomenonTime: col('phenomenon_time', 'time'),
      resultTime: col('phenomenon_time', 'time'),
      result: col('result', 'number'),
    },
    selectable: ['id', 'selfLink', 'phenomenonTime', 'resultTime', 'result'],
    nav: {
      Datastream: {
        target: 'Datastreams',
        many: false,
        parentCol: 'datastream_id',
        childCol: 'id',
      },
      FeatureOfInterest: {
        target: 'FeaturesOfInterest',
        many: false,
        parentCol: 'foi_id',
        childCol: 'id',
      },
    },
    // Newest first: what a reader of a sensor wants, and what `Observations($top=3)` gives.
    defaultOrder: (a) => `${a}.phenomenon_time DESC, ${a}.id`,
    keyMatch: (a, ids, p) => {
      // `<device>:<metric>:<epochMs>`: the time is matched to the millisecond it names.
      const parts = ids.map((id) => {
        const first = id.indexOf(':');
        const last = id.lastIndexOf(':');
        const ms = Number(id.slice(last + 1));
        const ok = first > 0 && last > first && Number.isSafeInteger(ms);
        return ok
          ? [id.slice(0, first), id.slice(first + 1, last), new Date(ms).toISOString()]
          : ['', '', new Date(0).toISOString()];
      });
      return `EXISTS (SELECT 1 FROM unnest(${p.add(parts.map((x) => x[0]))}::text[], ${p.add(parts.map((x) => x[1]))}::text[], ${p.add(parts.map((x) => x[2]))}::timestamptz[]) AS k(d, m, t)
        WHERE ${a}.device_id = k.d AND ${a}.metric = k.m AND ${a}.phenomenon_time >= k.t AND ${a}.phenomenon_time < k.t + interval '1 millisecond')`;
    },
    format: (row) => ({
      phenomenonTime: iso(row.phenomenon_time),
      resultTime: iso(row.phenomenon_time),
      result: row.result,
    }),
  },
};

export const OM_MEASUREMENT =
  'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement';

/** SQL matching the rows of `set` whose `column` is one of `values` (a relation's child side). */
export function matchColumn(
  set: EntitySet,
  alias: string,
  column: string,
  values: readonly string[],
  p: SqlParams,
): string {
  if (column === 'id' && set.keyMatch) return set.keyMatch(alias, values, p);
  if (set.name === 'Observations' && column === 'datastream_id')
    return pairMatch(alias, 'device_id', 'metric', values, p);
  return `${alias}.${column} = ANY(${p.add(values)}::text[])`;
}

export function isSetName(name: string): name is SetName {
  return (SET_NAMES as readonly string[]).includes(name);
}
