import {
  SCENE_KINDS,
  SCENE_OVERLAYS,
  type DeviceView,
  type UnitSummary,
  type WallConfig,
  type WallScene,
} from '@ioc/contracts';
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

// ── Wall panels (issue 7) ───────────────────────────────────────────────────────────────────

const sceneMeasure = z.union([
  z.object({ kind: z.literal('metric'), metric: z.string() }),
  z.object({ kind: z.literal('indicator'), code: z.string() }),
  z.object({ kind: z.literal('none') }),
]);

const wallScene = z.object({
  id: z.string(),
  kind: z.enum(SCENE_KINDS),
  titleVi: z.string().optional(),
  titleEn: z.string().optional(),
  durationSec: z.number(),
  enabled: z.boolean().default(true),
  measure: sceneMeasure.default({ kind: 'none' }),
  overlays: z.array(z.enum(SCENE_OVERLAYS)).default([]),
});

const wallConfig = z.object({
  unitCode: z.string(),
  rotate: z.boolean().default(true),
  scenes: z.array(z.unknown()),
  updatedAt: z.string().nullable().default(null),
  updatedBy: z.string().nullable().default(null),
});

export function parseWallConfig(body: unknown): WallConfig {
  const c = wallConfig.parse(body);
  const scenes = parseItems(c.scenes, wallScene, 'wall scene').map(
    ({ titleVi, titleEn, ...s }): WallScene => ({
      ...s,
      ...(titleVi === undefined ? {} : { titleVi }),
      ...(titleEn === undefined ? {} : { titleEn }),
    }),
  );
  return { ...c, scenes };
}

export const ALERT_SEVERITIES = ['info', 'warning', 'critical', 'emergency'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

const alertItem = z.object({
  id: z.string(),
  ruleName: z.string().nullable().default(null),
  deviceId: z.string().nullable().default(null),
  unitCode: z.string().nullable().default(null),
  status: z.string(),
  severity: z.enum(ALERT_SEVERITIES),
  value: z.number().nullable().default(null),
  message: z.string().default(''),
  openedAt: z.string(),
  updatedAt: z.string().optional(),
  lon: z.number().nullable().optional(),
  lat: z.number().nullable().optional(),
});
export type WallAlert = z.infer<typeof alertItem>;

export function parseAlert(body: unknown): WallAlert | null {
  const parsed = alertItem.safeParse(body);
  return parsed.success ? parsed.data : null;
}

export function parseAlertList(body: unknown): Listing<WallAlert> {
  const env = listEnvelope.parse(body);
  return { asOf: env.asOf, items: parseItems(env.items, alertItem, 'alert') };
}

const indicatorStatus = z.enum(['on_track', 'at_risk', 'off_track', 'no_data', 'no_target']);
export type IndicatorStatus = z.infer<typeof indicatorStatus>;

const targetRule = z.object({
  op: z.string(),
  value: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type TargetRule = z.infer<typeof targetRule>;

const scorecardItem = z.object({
  indicator: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable().default(null),
  unit: z.string().default(''),
  direction: z.string().default('higher_is_better'),
  status: indicatorStatus.catch('no_data'),
  value: z
    .object({
      period: z.string(),
      value: z.number().nullable(),
      latest: z.object({ submittedAt: z.string() }).nullable().optional(),
    })
    .nullable()
    .default(null),
  evaluations: z
    .array(
      z.object({ expected: targetRule.nullable().default(null), source: z.string().nullable() }),
    )
    .default([]),
  trend: z
    .object({
      direction: z.string().nullable().default(null),
      points: z.array(z.object({ period: z.string(), value: z.number() })).default([]),
    })
    .default({ direction: null, points: [] }),
  latestReport: z.object({ feed: z.string(), submittedAt: z.string() }).nullable().default(null),
});
export type ScorecardLine = z.infer<typeof scorecardItem>;

const scorecard = z.object({
  asOf: z.string().nullable().default(null),
  year: z.number(),
  summary: z.record(z.string(), z.number()).default({}),
  items: z.array(z.unknown()),
  sources: z
    .record(
      z.string(),
      z.object({ titleVi: z.string(), titleEn: z.string().nullable().optional() }),
    )
    .default({}),
});

export interface Scorecard {
  asOf: string | null;
  year: number;
  summary: Partial<Record<IndicatorStatus, number>>;
  items: ScorecardLine[];
  sources: Record<string, { titleVi: string; titleEn?: string | null | undefined }>;
}

export function parseScorecard(body: unknown): Scorecard {
  const s = scorecard.parse(body);
  return { ...s, items: parseItems(s.items, scorecardItem, 'scorecard line') };
}

const fleetCount = z.object({
  key: z.string(),
  online: z.number().default(0),
  late: z.number().default(0),
  offline: z.number().default(0),
  total: z.number().default(0),
});
export type FleetCount = z.infer<typeof fleetCount>;

const fleetDevice = z.object({
  id: z.string(),
  kind: z.string(),
  unitCode: z.string().nullable().default(null),
  status: z.string(),
  health: z.record(z.string(), z.object({ value: z.number(), time: z.string() })).default({}),
});
export type FleetDevice = z.infer<typeof fleetDevice>;

export interface Fleet {
  asOf: string | null;
  summary: FleetCount;
  byKind: FleetCount[];
  devices: FleetDevice[];
}

export function parseFleet(body: unknown): Fleet {
  const f = z
    .object({
      asOf: z.string().nullable().default(null),
      summary: fleetCount,
      byKind: z.array(z.unknown()).default([]),
      devices: z.array(z.unknown()).default([]),
    })
    .parse(body);
  return {
    asOf: f.asOf,
    summary: f.summary,
    byKind: parseItems(f.byKind, fleetCount, 'fleet kind'),
    devices: parseItems(f.devices, fleetDevice, 'fleet device'),
  };
}
