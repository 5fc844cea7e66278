// Catalogue (Resolution 57 indicators, plan targets) and its seed.
export {
  CATALOGUE_FORMAT,
  DIRECTIONS,
  INDICATOR_UNITS,
  MEASURED_AT,
  ROLLUPS,
  TARGET_OPS,
  catalogueSchema,
  indicatorSchema,
  type Catalogue,
  type CatalogueTarget,
  type Direction,
  type Indicator,
  type IndicatorSource,
  type IndicatorUnit,
  type MeasuredAt,
  type NumericOp,
  type Rollup,
  type TargetOp,
  type TargetRule,
} from './catalogue/schema';
export { indexIndicators, loadCatalogue, parseCatalogue } from './catalogue/load';
export { convertUpstreamCatalogue } from './catalogue/upstream';

// Units and periods.
export {
  createUnitLookup,
  measuredLevel,
  type IndicatorUnits,
  type UnitLevel,
  type UnitLookup,
  type UnitRef,
} from './units';
export {
  cadenceKind,
  makePeriod,
  nextPeriod,
  parsePeriod,
  periodContaining,
  periodDueAt,
  periodsBetween,
  vnDay,
  type Cadence,
  type Period,
  type PeriodKind,
} from './period';

// Report files: parsing and row validation.
export { parseLocaleNumber, type NumberStyle } from './report/numbers';
export {
  DEFAULT_MAX_ROWS,
  detectDelimiter,
  parseReport,
  parseReportCsv,
  parseReportJson,
  type ParseFailure,
  type ParseOptions,
  type ParseResult,
} from './report/parse';
export type { RawReportRow, RawValue } from './report/raw-row';
export { reportRowExcerpt } from './report/excerpt';
export {
  fileMessage,
  rowMessage,
  type FileErrorCode,
  type Message,
  type RejectionCode,
} from './report/reasons';
export {
  isFlagAt,
  ratioScale,
  validateReportRows,
  type FeedScope,
  type RowRejection,
  type ValidReport,
  type ValidationContext,
  type ValidationResult,
} from './report/validate';

// Values, rollups, status and liveness.
export {
  byUnit,
  resolveValue,
  rollUp,
  unitValue,
  type Coverage,
  type ReportFigures,
  type ResolvedValue,
  type RollupResult,
} from './values/rollup';
export {
  DEFAULT_MARGIN,
  baselineOf,
  evaluateStatus,
  valueForYear,
  type Anchor,
  type Basis,
  type EvaluatedStatus,
  type Evaluation,
  type PeriodValue,
  type Status,
  type StatusInput,
  type StatusResult,
  type TargetLike,
} from './status/status';
export {
  duePeriods,
  feedLiveness,
  type FeedSchedule,
  type LateReport,
  type LivenessInput,
  type MissingCell,
  type ReportFact,
  type UnitLiveness,
} from './liveness/liveness';

// Repositories: classes over a @ioc/db Queryable, plain parameterised SQL.
export type { Actor } from './repo/sql';
export {
  CatalogueRepository,
  type IndicatorPatch,
  type SeedResult,
} from './repo/catalogue.repository';
export {
  TargetRepository,
  type StoredTarget,
  type TargetChange,
  type TargetFilter,
  type TargetInput,
} from './repo/target.repository';
export { ChangeLogRepository, type ChangeLogEntry } from './repo/change-log.repository';
export {
  FeedRepository,
  generateFeedKey,
  hashFeedKey,
  type Feed,
  type NewFeed,
} from './repo/feed.repository';
export {
  SubmissionRepository,
  type SubmissionInput,
  type SubmissionResult,
} from './repo/submission.repository';
export { ReportRepository, type CurrentReport, type ReportVersion } from './repo/report.repository';

// Services, one per job (admin API, feed API, wall/tablet views and the CLI share them).
export { CatalogueAdminService } from './services/catalogue-admin.service';
export { FeedAdminService, type UnitLivenessView } from './services/feed-admin.service';
export {
  ReportIntakeService,
  type RejectedRow,
  type ReportDeadLetter,
  type ReportDeadLetters,
  type ReportIntakeOptions,
  type ReportReceipt,
  type ReportUpload,
  type ComputedRow,
} from './services/report-intake.service';
export { IndicatorViewsService, type ScorecardItem } from './services/indicator-views.service';
export {
  IndicatorSeedService,
  type DemoReportsResult,
  type IndicatorSeedResult,
} from './services/seed.service';
export type { SourceTitles } from './services/lookups';

// Demo data.
export {
  DEMO_FEED,
  DEMO_INDICATORS,
  PROVINCE_DEMO_FEED,
  PROVINCE_DEMO_INDICATOR,
  demoFeed,
  demoProvinceFeed,
  generateDemoReports,
  type DemoData,
  type DemoOptions,
  type DemoSubmission,
} from './demo/generate';
export { createRandom, mulberry32, type Random } from './demo/prng';

// Read models for the wall and tablet (pure: fed by the repositories).
export { applicableTargets, type ApplicableTarget, type UnitTarget } from './views/targets';
export { comparePeriods, unitSeries, type ReportRef, type SeriesPoint } from './views/series';
export {
  ruleText,
  scorecardEntry,
  statusFromSeries,
  type ScorecardEntry,
  type ScorecardInput,
  type StatusView,
  type Trend,
  type TrendDirection,
} from './views/scorecard';
export {
  choropleth,
  type Choropleth,
  type ChoroplethCell,
  type ChoroplethInput,
} from './views/choropleth';
export { historyView, type HistoryPeriod } from './views/history';
export { feedLivenessView, type FeedLivenessView } from './views/liveness-view';

// Admin input (API and CLI).
export {
  applyTargetPatch,
  feedCreateSchema,
  indicatorCreateSchema,
  indicatorPatchSchema,
  parseAdminInput,
  reasonSchema,
  targetCreateSchema,
  targetPatchSchema,
  type TargetPatch,
} from './admin/inputs';
