import {
  alertViewSchema,
  deviceViewSchema,
  fleetCountSchema,
  fleetDeviceSchema,
  fleetViewSchema,
  indicatorStatusSchema,
  listEnvelope,
  parseItems,
  scorecardItemSchema,
  scorecardResponse,
  unitMapGeoJson,
  unitSummarySchema,
  wallConfigSchema,
  wallSceneSchema,
  type AlertViewWire,
  type DeviceView,
  type FleetCount,
  type FleetDevice,
  type IndicatorStatus,
  type targetRuleSchema,
  type unitMapPropertiesSchema,
  type UnitSummary,
  type WallConfig,
  type WallScene,
} from '@ioc/contracts';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';

// Responses are read with the contract schemas (@ioc/contracts), each list item on its own, so
// a malformed item shows up as a dropped row with a console warning rather than as a crash deep
// inside a map layer. This module only adds that leniency and the web's views of the answers.

function warnDrop(what: string) {
  return (issues: unknown, item: unknown) => {
    console.warn(`Dropped malformed ${what}`, issues, item);
  };
}

const anyList = listEnvelope(z.unknown());

export interface Listing<T> {
  asOf: string | null;
  items: T[];
}

function listing<T extends z.ZodType>(body: unknown, item: T, what: string): Listing<z.output<T>> {
  const env = anyList.parse(body);
  return { asOf: env.asOf, items: parseItems(env.items, item, warnDrop(what)) };
}

export function parseUnitList(body: unknown): Listing<UnitSummary> {
  return listing(body, unitSummarySchema, 'unit');
}

const neighboursEnvelope = z.object({ code: z.string(), items: z.array(z.unknown()) });

/** The units sharing a border with one (`GET /api/v1/units/{code}/neighbours`). */
export function parseNeighbours(body: unknown): UnitSummary[] {
  return parseItems(neighboursEnvelope.parse(body).items, unitSummarySchema, warnDrop('unit'));
}

export function parseUnit(body: unknown): UnitSummary {
  return unitSummarySchema.parse(body);
}

export function parseDeviceList(body: unknown): Listing<DeviceView> {
  return listing(body, deviceViewSchema, 'device');
}

type MapProperties = z.output<typeof unitMapPropertiesSchema>;

/** A ward the map can draw: one with a boundary and a label point. */
export type WardProperties = Pick<
  MapProperties,
  'code' | 'name' | 'shortName' | 'level' | 'approximate'
> & { labelLon: number; labelLat: number };

export type WardFeature = Feature<Polygon | MultiPolygon, WardProperties>;

const mapEnvelope = unitMapGeoJson.extend({ features: z.array(z.unknown()) });
const mapFeature = unitMapGeoJson.shape.features.element;

export function parseWardMap(body: unknown): WardFeature[] {
  const features = parseItems(
    mapEnvelope.parse(body).features,
    mapFeature,
    warnDrop('map feature'),
  );
  // A unit without a boundary or label point at this band is not drawn.
  return features.filter(
    (f) => f.geometry !== null && f.properties.labelLon !== null && f.properties.labelLat !== null,
  ) as WardFeature[];
}

// ── Wall panels (issue 7) ───────────────────────────────────────────────────────────────────

const wallEnvelope = wallConfigSchema.extend({ scenes: z.array(z.unknown()) });

/** The wall config; one malformed scene is dropped, not the whole config. */
export function parseWallConfig(body: unknown): WallConfig {
  const c = wallEnvelope.parse(body);
  const scenes = parseItems(c.scenes, wallSceneSchema, warnDrop('wall scene')).map(
    ({ titleVi, titleEn, ...s }): WallScene => ({
      ...s,
      ...(titleVi === undefined ? {} : { titleVi }),
      ...(titleEn === undefined ? {} : { titleEn }),
    }),
  );
  return { ...c, scenes };
}

export type WallAlert = AlertViewWire;

export function parseAlert(body: unknown): WallAlert | null {
  const parsed = alertViewSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

export function parseAlertList(body: unknown): Listing<WallAlert> {
  return listing(body, alertViewSchema, 'alert');
}

export type TargetRule = z.output<typeof targetRuleSchema>;

/** A status this web does not know yet reads as no data rather than dropping the line. */
const scorecardLine = scorecardItemSchema.extend({
  status: indicatorStatusSchema.catch('no_data'),
});
export type ScorecardLine = z.output<typeof scorecardLine>;

/** The scorecard with items parsed one by one (see `scorecardLine`). */
export const scorecardEnvelope = scorecardResponse.extend({ items: z.array(z.unknown()) });

export type Scorecard = Omit<z.output<typeof scorecardEnvelope>, 'summary' | 'items'> & {
  summary: Partial<Record<IndicatorStatus, number>>;
  items: ScorecardLine[];
};

export function parseScorecard(body: unknown): Scorecard {
  const s = scorecardEnvelope.parse(body);
  return { ...s, items: parseScorecardLines(s.items) };
}

/** Scorecard lines, each on its own: a malformed one is dropped with a warning. */
export function parseScorecardLines(items: readonly unknown[]): ScorecardLine[] {
  return parseItems(items, scorecardLine, warnDrop('scorecard line'));
}

/** What the wall shows of the fleet: counts for the unit and per kind, and the devices. */
export interface Fleet {
  asOf: string | null;
  summary: FleetCount;
  byKind: FleetCount[];
  devices: FleetDevice[];
}

const fleetEnvelope = fleetViewSchema.pick({ asOf: true }).extend({
  summary: fleetCountSchema,
  byKind: z.array(z.unknown()),
  devices: z.array(z.unknown()),
});

export function parseFleet(body: unknown): Fleet {
  const f = fleetEnvelope.parse(body);
  return {
    asOf: f.asOf,
    summary: f.summary,
    byKind: parseItems(f.byKind, fleetCountSchema, warnDrop('fleet kind')),
    devices: parseItems(f.devices, fleetDeviceSchema, warnDrop('fleet device')),
  };
}
