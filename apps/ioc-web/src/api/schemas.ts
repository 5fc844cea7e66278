import type { DeviceView, UnitSummary } from '@ioc/contracts';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';

// Responses are validated at the edge so a malformed item shows up as a dropped row with a
// console warning rather than as a crash deep inside a map layer. Optional fields get defaults:
// the wall should keep working against an older or newer API.

const lonLat = z.tuple([z.number(), z.number()]);

const unitSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    shortName: z.string().optional(),
    nameEn: z.string().nullable().default(null),
    level: z.enum(['province', 'ward', 'commune', 'special_zone']),
    parentCode: z.string().nullable().default(null),
    label: lonLat.nullable().default(null),
    areaKm2: z.number().nullable().default(null),
    population: z.number().nullable().default(null),
    approximate: z.boolean().default(false),
  })
  .transform((u): UnitSummary => ({ ...u, shortName: u.shortName ?? u.name }));

const deviceView = z
  .object({
    id: z.string(),
    kind: z.string().default('unknown'),
    unitCode: z.string().nullable().default(null),
    lon: z.number().nullable().default(null),
    lat: z.number().nullable().default(null),
    lastSeen: z.string().nullable().default(null),
    latest: z.record(z.string(), z.object({ value: z.number(), time: z.string() })).default({}),
  })
  .transform((d): DeviceView => d);

export interface WardProperties {
  code: string;
  name: string;
  shortName: string;
  level: UnitSummary['level'];
  approximate: boolean;
  labelLon: number;
  labelLat: number;
}

export type WardFeature = Feature<Polygon | MultiPolygon, WardProperties>;

const wardFeature = z.object({
  type: z.literal('Feature'),
  geometry: z.object({
    type: z.enum(['Polygon', 'MultiPolygon']),
    coordinates: z.array(z.unknown()),
  }),
  properties: z.object({
    code: z.string(),
    name: z.string(),
    shortName: z.string(),
    level: z.enum(['province', 'ward', 'commune', 'special_zone']),
    approximate: z.boolean().default(false),
    labelLon: z.number(),
    labelLat: z.number(),
  }),
});

const listEnvelope = z.object({
  asOf: z.string().nullable().default(null),
  items: z.array(z.unknown()),
});

/** Parses each item on its own so one bad row does not hide the rest. */
function parseItems<T>(items: unknown[], schema: z.ZodType<T>, what: string): T[] {
  const out: T[] = [];
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else console.warn(`Dropped malformed ${what}`, parsed.error.issues, item);
  }
  return out;
}

export interface Listing<T> {
  asOf: string | null;
  items: T[];
}

export function parseUnitList(body: unknown): Listing<UnitSummary> {
  const env = listEnvelope.parse(body);
  return { asOf: env.asOf, items: parseItems(env.items, unitSummary, 'unit') };
}

export function parseUnit(body: unknown): UnitSummary {
  return unitSummary.parse(body);
}

export function parseDeviceList(body: unknown): Listing<DeviceView> {
  const env = listEnvelope.parse(body);
  return { asOf: env.asOf, items: parseItems(env.items, deviceView, 'device') };
}

export function parseWardMap(body: unknown): WardFeature[] {
  const fc = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });
  // Coordinates are checked only for shape (arrays); deck.gl tolerates odd rings, and walking
  // every vertex here would double the parse time of the high-detail band.
  return parseItems(fc.parse(body).features, wardFeature, 'map feature') as WardFeature[];
}
