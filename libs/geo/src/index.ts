export type { ImportedUnit, LonLat, MultiPolygon, UnitGeometry, UnitRecord } from './types';
export { LEAF_LEVELS, isLeafLevel } from './types';

export {
  importGeoJson,
  type CodeTableEntry,
  type GeoJsonSource,
  type ImportIssue,
  type ImportOptions,
  type ImportReason,
  type ImportResult,
  type ParentRef,
} from './geojson-import';
export {
  importGeoJsonPaths,
  readGeoJsonDirectory,
  readGeoJsonFile,
  readGeoJsonPaths,
} from './geojson-files';
export {
  KNOWN_CONVENTIONS,
  type FieldConvention,
  type FieldMapping,
  type FieldMappingInput,
} from './field-mapping';
export {
  checkGeometry,
  type GeometryCheck,
  type GeometryIssue,
  type GeometryIssueReason,
} from './geometry-validation';
export { findSelfIntersection, type SelfIntersection } from './self-intersection';
export { fullNameFor, parseLevel, parseUnitName, type ParsedUnitName } from './unit-names';

export { labelPoint } from './label-point';
export { areaKm2 } from './area';

export { BOUNDARY_EPSILON_DEG, UnitIndex, buildUnitIndex } from './unit-index';

export {
  SimplifiedUnits,
  ZOOM_BANDS,
  bandForZoom,
  computeNeighbours,
  mergeUnits,
  simplifyUnits,
  type BandSpec,
  type SimplifyInput,
  type UnitProperties,
  type UnitsTopology,
  type ZoomBand,
} from './simplify';

export { buildApproximateCells, type ApproximateCellOptions } from './approximate-cells';

export {
  UnitSearch,
  searchUnits,
  type SearchHit,
  type SearchMatch,
  type SearchOptions,
} from './search';

export {
  UnitsRepository,
  type UnitDiff,
  type UnitListFilter,
  type UpsertCounts,
} from './units.repository';
export { unitContentHash } from './content-hash';
export {
  UnitImportService,
  type UnitImportOptions,
  type UnitImportOutcome,
  type UnitImportRequest,
} from './import.service';
export { UnitDirectory } from './unit-directory';
export { UnitSnapshot, type UnitFilter } from './unit-snapshot';

export {
  DEMO_PROVINCE_CODE,
  GeoImportError,
  SEED_CSV_PATH,
  SeedError,
  buildDemoRegion,
  loadSeedUnits,
  parseSeedCsv,
  type BoundarySource,
  type DemoRegion,
  type DemoRegionOptions,
} from './seed';

export {
  SHIPPED_BOUNDARIES_DIR,
  SHIPPED_TOLERANCE_M,
  deriveShippedBoundaries,
  shippedBoundaryPath,
  type ShippedProperties,
} from './shipped-boundaries';

export { VIETNAM_REGION_BBOX, landWithin, loadNaturalEarthLand, type BBox } from './land';
