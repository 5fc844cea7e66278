import type { UnitLevel } from '@ioc/contracts';
import type { MultiPolygon } from 'geojson';
import { areaKm2 } from './area';
import {
  PropertyReader,
  resolveMapping,
  type FieldMapping,
  type FieldMappingInput,
} from './field-mapping';
import { checkGeometry, type GeometryIssueReason } from './geometry-validation';
import { labelPoint } from './label-point';
import { distanceToBoundaryM, pointInMultiPolygon } from './planar';
import type { ImportedUnit } from './types';
import { fullNameFor, normaliseName, parseLevel, parseUnitName } from './unit-names';

export type ImportReason =
  | GeometryIssueReason
  | 'invalid_feature'
  | 'missing_field'
  | 'invalid_code'
  | 'unknown_level'
  | 'duplicate_code'
  | 'unknown_parent'
  | 'outside_parent';

export interface ImportIssue {
  /** File name (or label) of the collection the feature came from. */
  source: string;
  /** Zero-based index of the feature within its source. */
  featureIndex: number;
  code: string | null;
  reason: ImportReason;
  message: string;
}

/** One input: a FeatureCollection, a single Feature, or an array of Features, with a name. */
export interface GeoJsonSource {
  name: string;
  data: unknown;
  /** Set by the file readers when the file is not JSON, so it is reported like any bad feature. */
  parseError?: string;
}

/** A unit that may be a parent of imported features (from the database or the seed). */
export interface ParentRef {
  code: string;
  level?: UnitLevel;
  geometry?: MultiPolygon | null;
}

/** code → parent code, as the seed table provides. */
export interface CodeTableEntry {
  code: string;
  parentCode: string | null;
}

export interface ImportOptions {
  /** Property names for this file's convention; the known conventions are detected otherwise. */
  mapping?: FieldMappingInput;
  /** Parent for features that carry none (e.g. a ward file named after its province). */
  parentCode?: string;
  /** Known units and their parents, used to derive a feature's parent from its code. */
  codeTable?: Iterable<CodeTableEntry>;
  /** Units that may be parents, optionally with the geometry children must lie in. */
  parents?: Iterable<ParentRef>;
  /**
   * How far (metres) a child's interior point may lie outside its parent's boundary before it is
   * refused. Province outlines are published coarser than ward outlines, so a ward hugging the
   * coast can poke out of its generalised province by a few hundred metres.
   */
  parentToleranceM?: number;
}

export type ImportResult =
  | { ok: true; units: ImportedUnit[]; convention: string }
  | { ok: false; errors: ImportIssue[]; convention: string };

interface Candidate {
  source: string;
  featureIndex: number;
  unit: ImportedUnit | null;
  code: string | null;
}

const DEFAULT_PARENT_TOLERANCE_M = 1000;

/**
 * Reads administrative-unit features into unit records, all or nothing: when any feature is
 * faulty the result lists every fault (per feature: index, code, reason, message) and no units,
 * so an import can never half-apply a file.
 */
export function importGeoJson(
  sources: GeoJsonSource | readonly GeoJsonSource[],
  options: ImportOptions = {},
): ImportResult {
  const list = Array.isArray(sources)
    ? (sources as readonly GeoJsonSource[])
    : [sources as GeoJsonSource];
  const errors: ImportIssue[] = [];
  const features: { source: string; index: number; feature: unknown }[] = [];
  for (const src of list) {
    if (src.parseError !== undefined) {
      errors.push(issue(src.name, 0, null, 'invalid_feature', `not valid JSON: ${src.parseError}`));
      continue;
    }
    const read = featuresOf(src.data);
    if (typeof read === 'string') {
      errors.push(issue(src.name, 0, null, 'invalid_feature', read));
      continue;
    }
    read.forEach((feature, index) => features.push({ source: src.name, index, feature }));
  }

  const readers = features.map(({ feature }) => new PropertyReader(propertiesOf(feature)));
  const { id: convention, mapping } = resolveMapping(readers, options.mapping);

  const candidates: Candidate[] = features.map(({ source, index, feature }, i) => {
    const reader = readers[i] as PropertyReader;
    const report = (code: string | null, reason: ImportReason, message: string): Candidate => {
      errors.push(issue(source, index, code, reason, message));
      return { source, featureIndex: index, unit: null, code };
    };
    if (!isFeature(feature)) return report(null, 'invalid_feature', 'not a GeoJSON Feature');
    const fields = readFields(reader, mapping, options.parentCode);
    // Geometry is checked even when the properties are wrong, so one pass reports every fault.
    const geometry = checkGeometry(feature.geometry);
    if ('reason' in fields)
      errors.push(issue(source, index, fields.code, fields.reason, fields.message));
    if (!geometry.ok) {
      for (const g of geometry.issues)
        errors.push(issue(source, index, fields.code, g.reason, g.message));
    }
    if ('reason' in fields || !geometry.ok)
      return { source, featureIndex: index, unit: null, code: fields.code };
    const label = labelPoint(geometry.geometry);
    const unit: ImportedUnit = {
      ...fields,
      geometry: geometry.geometry,
      label,
      areaKm2: fields.areaKm2 ?? round(areaKm2(geometry.geometry), 2),
      approximate: false,
    };
    return { source, featureIndex: index, unit, code: fields.code };
  });

  checkDuplicates(candidates, errors);
  checkParents(candidates, options, errors);

  if (errors.length > 0) {
    const order = new Map(list.map((s, i) => [s.name, i]));
    errors.sort(
      (a, b) =>
        (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) || a.featureIndex - b.featureIndex,
    );
    return { ok: false, errors, convention };
  }
  return { ok: true, units: candidates.map((c) => c.unit as ImportedUnit), convention };
}

type Fields = Omit<ImportedUnit, 'geometry' | 'label' | 'areaKm2' | 'approximate'> & {
  areaKm2: number | null;
};

function readFields(
  reader: PropertyReader,
  mapping: FieldMapping,
  defaultParent: string | undefined,
): Fields | { code: string | null; reason: ImportReason; message: string } {
  const rawCode = reader.text(mapping.code);
  if (rawCode === null) {
    return {
      code: null,
      reason: 'missing_field',
      message: `no unit code (looked for ${mapping.code.join(', ')})`,
    };
  }
  const rawName = reader.text(mapping.fullName) ?? reader.text(mapping.name);
  if (rawName === null) {
    const keys = [...mapping.fullName, ...mapping.name].join(', ');
    return { code: rawCode, reason: 'missing_field', message: `no unit name (looked for ${keys})` };
  }
  const levelText = reader.text(mapping.level);
  const parsed = parseUnitName(rawName);
  const givenLevel = levelText === null ? null : parseLevel(levelText);
  const level = parsed?.level ?? givenLevel;
  if (level === null) {
    return {
      code: rawCode,
      reason: 'unknown_level',
      message: `cannot tell the level of "${rawName}": no Phường/Xã/Đặc khu/Thành phố/Tỉnh prefix and no level property`,
    };
  }
  const code = normaliseCode(rawCode, level);
  if (code === null) {
    const expected = level === 'province' ? '2 digits' : '5 digits';
    return {
      code: rawCode,
      reason: 'invalid_code',
      message: `code "${rawCode}" is not ${expected}`,
    };
  }
  const parentText =
    level === 'province' ? null : (reader.text(mapping.parentCode) ?? defaultParent ?? null);
  const area = reader.number(mapping.areaKm2);
  const population = reader.number(mapping.population);
  return {
    code,
    name: parsed?.name ?? fullNameFor(rawName, level),
    shortName: parsed?.shortName ?? normaliseName(rawName),
    nameEn: reader.text(mapping.nameEn),
    level,
    parentCode: parentText === null ? null : (normaliseCode(parentText, 'province') ?? parentText),
    areaKm2: area !== null && area > 0 ? area : null,
    population:
      population !== null && Number.isInteger(population) && population >= 0 ? population : null,
  };
}

/** Official codes are fixed-width digit strings; spreadsheets often drop the leading zeros. */
function normaliseCode(raw: string, level: UnitLevel): string | null {
  const width = level === 'province' ? 2 : 5;
  if (!/^\d+$/.test(raw) || raw.length > width) return null;
  return raw.padStart(width, '0');
}

function checkDuplicates(candidates: readonly Candidate[], errors: ImportIssue[]): void {
  const first = new Map<string, Candidate>();
  for (const c of candidates) {
    if (c.code === null) continue;
    const key = c.unit?.code ?? c.code;
    const prior = first.get(key);
    if (!prior) {
      first.set(key, c);
      continue;
    }
    errors.push(
      issue(
        c.source,
        c.featureIndex,
        key,
        'duplicate_code',
        `code ${key} already used by feature ${prior.featureIndex} of ${prior.source}`,
      ),
    );
    c.unit = null;
  }
}

function checkParents(
  candidates: readonly Candidate[],
  options: ImportOptions,
  errors: ImportIssue[],
): void {
  const parentOfCode = new Map<string, string | null>();
  for (const e of options.codeTable ?? []) parentOfCode.set(e.code, e.parentCode);
  const known = new Map<string, ParentRef>();
  for (const e of options.codeTable ?? []) {
    if (e.parentCode === null) known.set(e.code, { code: e.code, level: 'province' });
  }
  for (const p of options.parents ?? []) known.set(p.code, { ...known.get(p.code), ...p });
  for (const c of candidates) {
    if (c.unit?.level === 'province') known.set(c.unit.code, c.unit);
  }
  const tolerance = options.parentToleranceM ?? DEFAULT_PARENT_TOLERANCE_M;

  for (const c of candidates) {
    const unit = c.unit;
    if (!unit || unit.level === 'province') continue;
    const report = (reason: ImportReason, message: string): void => {
      errors.push(issue(c.source, c.featureIndex, unit.code, reason, message));
    };
    unit.parentCode ??=
      parentOfCode.get(unit.code) ?? containingProvince(unit.label, known) ?? null;
    if (unit.parentCode === null) {
      report(
        'unknown_parent',
        'no parent: the feature has no parent code, its code is not in the code table, and no known province contains it — import its province file in the same command (a folder with the province file and a wards/ folder works), or give --parent <province code>',
      );
      continue;
    }
    const parent = known.get(unit.parentCode);
    if (!parent) {
      report(
        'unknown_parent',
        `parent ${unit.parentCode} is not a known province: import its province file first or in the same command`,
      );
      continue;
    }
    if (parent.level !== undefined && parent.level !== 'province') {
      report('unknown_parent', `parent ${unit.parentCode} is a ${parent.level}, not a province`);
      continue;
    }
    const pg = parent.geometry;
    if (!pg) continue;
    const [lon, lat] = unit.label;
    if (pointInMultiPolygon(lon, lat, pg)) continue;
    const d = distanceToBoundaryM(lon, lat, pg);
    if (d > tolerance) {
      report(
        'outside_parent',
        `interior point [${lon.toFixed(5)}, ${lat.toFixed(5)}] lies ${Math.round(d)} m outside parent ${parent.code} (tolerance ${tolerance} m)`,
      );
    }
  }
}

function featuresOf(data: unknown): unknown[] | string {
  if (Array.isArray(data)) return data as unknown[];
  if (typeof data !== 'object' || data === null) return 'not a GeoJSON object';
  const t = (data as { type?: unknown }).type;
  if (t === 'FeatureCollection') {
    const fs = (data as { features?: unknown }).features;
    return Array.isArray(fs) ? fs : 'FeatureCollection without a features array';
  }
  if (t === 'Feature') return [data];
  return `expected a FeatureCollection or Feature, got type ${JSON.stringify(t)}`;
}

function isFeature(f: unknown): f is { type: 'Feature'; geometry: unknown; properties: unknown } {
  return typeof f === 'object' && f !== null && (f as { type?: unknown }).type === 'Feature';
}

function propertiesOf(f: unknown): Record<string, unknown> {
  if (typeof f !== 'object' || f === null) return {};
  const p = (f as { properties?: unknown }).properties;
  return typeof p === 'object' && p !== null ? (p as Record<string, unknown>) : {};
}

function issue(
  source: string,
  featureIndex: number,
  code: string | null,
  reason: ImportReason,
  message: string,
): ImportIssue {
  return { source, featureIndex, code, reason, message };
}

function round(v: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}

/**
 * The one known province whose boundary holds the unit's interior point: a ward file without a
 * parent code, imported with its province (in the same command or before), belongs to it.
 * None or several (overlapping data) → undefined, and the caller asks for the parent.
 */
function containingProvince(
  label: readonly [number, number],
  known: ReadonlyMap<string, ParentRef>,
): string | undefined {
  const [lon, lat] = label;
  const holding = [...known.values()].filter(
    (p) =>
      p.level === 'province' &&
      p.geometry !== undefined &&
      p.geometry !== null &&
      pointInMultiPolygon(lon, lat, p.geometry),
  );
  return holding.length === 1 ? holding[0]?.code : undefined;
}
