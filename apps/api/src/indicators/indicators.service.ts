import { Counter, type Registry } from 'prom-client';
import { DomainError, invalidInput, type IndicatorChanged } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { DeadLetterRepository } from '@ioc/ingest';
import {
  applicableTargets,
  applyTargetPatch,
  choropleth,
  createFeed,
  createIndicator,
  createTarget,
  currentReportsBetween,
  feedCreateSchema,
  feedLivenessView,
  getFeed,
  getIndicator,
  getTarget,
  historyView,
  indexIndicators,
  indicatorCreateSchema,
  indicatorPatchSchema,
  listChangeLog,
  listFeeds,
  listIndicators,
  listSources,
  listTargets,
  loadUnitDirectory,
  measuredLevel,
  parseAdminInput,
  parsePeriod,
  parseReport,
  reasonSchema,
  reportFacts,
  reportHistory,
  reportRowExcerpt,
  retireTarget,
  revokeFeed,
  rotateFeedKey,
  saveSubmission,
  scorecardEntry,
  targetCreateSchema,
  targetPatchSchema,
  unitSeries,
  updateIndicator,
  updateTarget,
  validateReportRows,
  verifyFeedKey,
  vnDay,
  type ChangeLogEntry,
  type Choropleth,
  type Feed,
  type FeedLivenessView,
  type HistoryPeriod,
  type Indicator,
  type IndicatorSource,
  type MissingCell,
  type LateReport,
  type ParseFailure,
  type RejectionCode,
  type ScorecardEntry,
  type StoredTarget,
  type TargetRule,
  type UnitDirectory,
  type UnitRef,
} from '@ioc/indicators';

/** A rejected report row as answered to the sender (and kept in dead_letter). */
export interface RejectedRow {
  row: number;
  line?: number;
  code: RejectionCode;
  /** In the language the sender asked for (Accept-Language), Vietnamese by default. */
  message: string;
  messageVi: string;
  messageEn: string;
  indicator: string;
  unitCode: string;
  period: string;
}

export interface ReportReceipt {
  submissionId: number;
  feed: string;
  /** Data rows read from the file. */
  rowCount: number;
  accepted: number;
  /** Accepted rows that replaced a value submitted before (kept as history). */
  superseded: number;
  rejected: RejectedRow[];
  asOf: string;
}

export interface ReportUpload {
  feedCode: string;
  key: string | undefined;
  body: unknown;
  contentType: string | undefined;
  filename: string | null;
  /** A person named by the sending system (X-Submitted-By), recorded with the feed. */
  submittedBy: string | null;
  language: 'vi' | 'en';
}

export interface UnitLivenessView {
  feed: string;
  unitCode: string;
  unitName: string | null;
  lastReportAt: Date | null;
  lastPeriod: string | null;
  expected: number;
  reported: number;
  completeness: number;
  overdue: boolean;
  missingCount: number;
  lateCount: number;
  /** The most recent missing cells (at most MAX_CELLS). */
  missing: MissingCell[];
  /** The most recent late cells (at most MAX_CELLS). */
  late: LateReport[];
}

/** A scorecard line with the catalogue facts the wall needs to label it. */
export type ScorecardItem = ScorecardEntry &
  Pick<Indicator, 'nameVi' | 'nameEn' | 'domain' | 'unit' | 'direction' | 'rollup'>;

type SourceTitles = Record<string, Pick<IndicatorSource, 'titleVi' | 'titleEn' | 'issuedOn'>>;

const FEED_CODE = /^[a-z0-9][a-z0-9_-]{1,63}$/;
const MAX_CELLS = 24;
const FAR_PAST = '2000-01-01';

/**
 * Indicators, targets, feeds, report submissions and the read models of the wall and tablet.
 * The application layer over libs/indicators: it loads what the pure functions need through
 * the repositories, calls them, and turns domain outcomes into DomainErrors. Used by the HTTP
 * controllers and by the `ioc` CLI alike, so both validate and record changes the same way.
 */
export class IndicatorsService {
  private readonly rows?: Counter<'outcome' | 'reason'>;
  private readonly clock: () => Date;
  /**
   * Told after a feed report stored rows (set by the composition root once the live side runs):
   * pushes WS `indicator` messages so wall and tablet scorecards refetch.
   */
  onReportSaved: ((changes: IndicatorChanged[]) => void) | undefined;

  constructor(
    private readonly db: Queryable,
    private readonly deadLetters: DeadLetterRepository,
    options: { registry?: Registry; clock?: () => Date } = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    if (options.registry) {
      this.rows = new Counter({
        name: 'ioc_indicator_report_rows_total',
        help: 'Indicator report rows received over the feed API, by outcome and rejection reason',
        labelNames: ['outcome', 'reason'],
        registers: [options.registry],
      });
    }
  }

  // ── Catalogue ────────────────────────────────────────────────────────────────────────────

  async catalogue(filter: { domain?: string | undefined; level?: string | undefined }) {
    const level = filter.level === undefined ? undefined : levelParam(filter.level);
    const [indicators, sources] = await Promise.all([
      listIndicators(this.db),
      listSources(this.db),
    ]);
    const items = indicators.filter(
      (i) =>
        (filter.domain === undefined ||
          i.domain === filter.domain ||
          i.code.startsWith(`${filter.domain}.`)) &&
        (level === undefined || i.measuredAt.includes(level)),
    );
    return { asOf: this.now().toISOString(), sources, items };
  }

  async indicator(code: string) {
    const indicator = await this.requireIndicator(code);
    const targets = await listTargets(this.db, { indicators: [code] });
    return { asOf: this.now().toISOString(), indicator, targets };
  }

  async createIndicator(body: unknown, who: string): Promise<Indicator> {
    const input = parseAdminInput(indicatorCreateSchema, body, 'INDICATOR_INVALID');
    const created = await createIndicator(this.db, input.indicator, { who, why: input.why });
    if (created === null) {
      throw new DomainError(
        'conflict',
        'INDICATOR_EXISTS',
        `indicator ${input.indicator.code} already exists`,
      );
    }
    return created;
  }

  async updateIndicator(code: string, body: unknown, who: string): Promise<Indicator> {
    const { why, ...patch } = parseAdminInput(indicatorPatchSchema, body, 'INDICATOR_INVALID');
    const updated = await updateIndicator(this.db, code, patch, { who, why });
    if (updated === null) throw notFound('INDICATOR_NOT_FOUND', `no indicator ${code}`);
    return updated;
  }

  async changes(filter: {
    entity?: string | undefined;
    key?: string | undefined;
    limit?: string | undefined;
  }) {
    const entity = filter.entity;
    if (entity !== undefined && entity !== 'indicator' && entity !== 'target') {
      throw new DomainError('invalid', 'ENTITY_INVALID', 'entity must be indicator or target');
    }
    const limit = filter.limit === undefined ? 200 : intParam(filter.limit, 'limit', 1, 1000);
    const items: ChangeLogEntry[] = await listChangeLog(this.db, {
      ...(entity === undefined ? {} : { entity }),
      ...(filter.key === undefined ? {} : { entityKey: filter.key }),
      limit,
    });
    return { asOf: this.now().toISOString(), items };
  }

  // ── Targets ──────────────────────────────────────────────────────────────────────────────

  async targets(filter: {
    indicator?: string | undefined;
    unit?: string | undefined;
    retired?: boolean;
  }) {
    const items = await listTargets(this.db, {
      ...(filter.indicator === undefined ? {} : { indicators: splitList(filter.indicator) }),
      ...(filter.unit === undefined ? {} : { unitCodes: splitList(filter.unit) }),
      includeRetired: filter.retired ?? false,
    });
    return { asOf: this.now().toISOString(), items };
  }

  async createTarget(body: unknown, who: string): Promise<StoredTarget> {
    const { target, why } = parseAdminInput(targetCreateSchema, body, 'TARGET_INVALID');
    await this.requireIndicator(target.indicator);
    const units = await loadUnitDirectory(this.db);
    if (units.get(target.unitCode) === undefined) {
      throw new DomainError('invalid', 'UNIT_UNKNOWN', `no administrative unit ${target.unitCode}`);
    }
    return dbErrors(() => createTarget(this.db, target, { who, why }));
  }

  async updateTarget(id: number, body: unknown, who: string): Promise<StoredTarget> {
    const patch = parseAdminInput(targetPatchSchema, body, 'TARGET_INVALID');
    const current = await getTarget(this.db, id);
    if (current === null || current.retiredAt !== null) {
      throw notFound('TARGET_NOT_FOUND', `no live target ${id}`);
    }
    const applied = applyTargetPatch(
      {
        year: current.year,
        rule: ruleOf(current),
        source: current.source,
        ref: current.ref ?? null,
      },
      patch,
    );
    if ('error' in applied) throw new DomainError('invalid', 'TARGET_INVALID', applied.error);
    const updated = await dbErrors(() =>
      updateTarget(this.db, id, applied.change, { who, why: patch.why }),
    );
    if (updated === null) throw notFound('TARGET_NOT_FOUND', `no live target ${id}`);
    return updated;
  }

  async retireTarget(id: number, body: unknown, who: string): Promise<StoredTarget> {
    const { why } = parseAdminInput(reasonSchema, body, 'TARGET_INVALID');
    const retired = await retireTarget(this.db, id, { who, why });
    if (retired === null) throw notFound('TARGET_NOT_FOUND', `no live target ${id}`);
    return retired;
  }

  // ── Feeds ────────────────────────────────────────────────────────────────────────────────

  /** Creates a feed; the key is in the answer and nowhere else, ever. */
  async createFeed(body: unknown, who: string): Promise<{ feed: Feed; key: string }> {
    const input = parseAdminInput(feedCreateSchema, body, 'FEED_INVALID');
    const [indicators, units] = await Promise.all([
      listIndicators(this.db),
      loadUnitDirectory(this.db),
    ]);
    const known = new Set(indicators.map((i) => i.code));
    const issues = [
      ...(input.allowedIndicators ?? [])
        .filter((c) => !known.has(c))
        .map((c) => ({ path: 'allowedIndicators', message: `unknown indicator ${c}` })),
      ...(input.allowedUnits ?? [])
        .filter((c) => units.get(c) === undefined)
        .map((c) => ({ path: 'allowedUnits', message: `unknown unit ${c}` })),
    ];
    if (issues.length > 0) throw invalidInput('FEED_INVALID', issues);
    if ((await getFeed(this.db, input.code)) !== null) {
      throw new DomainError('conflict', 'FEED_EXISTS', `feed ${input.code} already exists`);
    }
    return dbErrors(() =>
      createFeed(
        this.db,
        {
          code: input.code,
          name: input.name,
          cadence: input.cadence,
          dueDay: input.dueDay,
          allowedIndicators: input.allowedIndicators,
          allowedUnits: input.allowedUnits,
        },
        { who, why: input.why },
      ),
    );
  }

  async listFeeds(includeRevoked = false) {
    return { asOf: this.now().toISOString(), items: await listFeeds(this.db, { includeRevoked }) };
  }

  /** A new key for the feed; the old one stops working at once. */
  async rotateFeed(
    code: string,
    body: unknown,
    who: string,
  ): Promise<{ feed: string; key: string }> {
    const why = optionalWhy(body, 'key rotated');
    const key = await rotateFeedKey(this.db, code, { who, why });
    if (key === null) throw notFound('FEED_NOT_FOUND', `no active feed ${code}`);
    return { feed: code, key };
  }

  async revokeFeed(
    code: string,
    body: unknown,
    who: string,
  ): Promise<{ feed: string; revoked: true }> {
    const { why } = parseAdminInput(reasonSchema, body, 'FEED_INVALID');
    if (!(await revokeFeed(this.db, code, { who, why }))) {
      throw notFound('FEED_NOT_FOUND', `no active feed ${code}`);
    }
    return { feed: code, revoked: true };
  }

  /**
   * A department's or ward's report: authenticated by the feed key, parsed (CSV or JSON), every
   * row judged on its own. Good rows are stored (a re-submitted period supersedes the stored
   * value, which stays as history); each bad row gets one reason in the answer and one
   * dead_letter row. A file that cannot be read at all is refused whole (and dead-lettered).
   */
  async submitReport(upload: ReportUpload): Promise<ReportReceipt> {
    const now = this.now();
    const source = `http:/api/v1/feeds/${FEED_CODE.test(upload.feedCode) ? upload.feedCode : '?'}/reports`;
    if (upload.key === undefined || upload.key === '') {
      throw new DomainError(
        'unauthorized',
        'FEED_KEY_MISSING',
        'Send the feed key as Authorization: Bearer <key> or X-Api-Key: <key>',
      );
    }
    const feed = FEED_CODE.test(upload.feedCode)
      ? await verifyFeedKey(this.db, upload.feedCode, upload.key)
      : null;
    if (feed === null) {
      await this.deadLetters.insertMany([
        {
          reason: 'feed_key_invalid',
          detail: 'unknown feed, revoked feed or wrong key',
          source,
          receivedAt: now,
        },
      ]);
      this.rows?.inc({ outcome: 'refused', reason: 'feed_key_invalid' });
      throw new DomainError('unauthorized', 'FEED_KEY_INVALID', 'Unknown feed or wrong key');
    }

    const body = Buffer.isBuffer(upload.body) ? upload.body : Buffer.alloc(0);
    const parsed = parseReport(body, {
      contentType: upload.contentType ?? null,
      filename: upload.filename,
    });
    if (!parsed.ok) {
      await this.deadLetters.insertMany([
        {
          reason: parsed.error.code,
          detail: parsed.error.messageEn,
          source,
          payload: body,
          receivedAt: now,
        },
      ]);
      this.rows?.inc({ outcome: 'refused', reason: parsed.error.code });
      throw fileError(parsed.error, upload.language);
    }

    const [indicators, units] = await Promise.all([
      listIndicators(this.db),
      loadUnitDirectory(this.db),
    ]);
    const { accepted, rejected } = validateReportRows(parsed.rows, {
      indicators: indexIndicators({ indicators }),
      units,
      feed,
      now,
    });
    const saved = await saveSubmission(this.db, {
      feed: feed.code,
      submittedBy:
        upload.submittedBy === null
          ? `feed:${feed.code}`
          : `${upload.submittedBy} (feed:${feed.code})`,
      submittedAt: now,
      filename: upload.filename,
      contentType: upload.contentType ?? null,
      rowCount: parsed.rows.length,
      accepted,
      rejected,
    });

    if (rejected.length > 0) {
      const text = parsed.format === 'csv' ? body.toString('utf8') : undefined;
      const rawByRow = new Map(parsed.rows.map((r) => [r.row, r]));
      await this.deadLetters.insertMany(
        rejected.map((r) => ({
          reason: r.code,
          detail: `submission ${saved.submissionId}, row ${r.row}${r.line === undefined ? '' : ` (line ${r.line})`}: ${r.messageEn}`,
          source,
          payload: reportRowExcerpt(text, r, rawByRow.get(r.row)),
          receivedAt: now,
        })),
      );
    }
    this.rows?.inc({ outcome: 'accepted', reason: '' }, accepted.length);
    if (accepted.length > 0 && this.onReportSaved) {
      const changes = new Map<string, IndicatorChanged>();
      for (const r of accepted) {
        changes.set(`${r.unitCode}\u0000${r.indicator}\u0000${r.period}`, {
          unitCode: r.unitCode,
          indicatorCode: r.indicator,
          period: r.period,
          feedCode: feed.code,
        });
      }
      this.onReportSaved([...changes.values()]);
    }
    for (const r of rejected) this.rows?.inc({ outcome: 'rejected', reason: r.code });

    return {
      submissionId: saved.submissionId,
      feed: feed.code,
      rowCount: parsed.rows.length,
      accepted: accepted.length,
      superseded: saved.superseded,
      rejected: rejected.map((r) => ({
        row: r.row,
        ...(r.line === undefined ? {} : { line: r.line }),
        code: r.code,
        message: upload.language === 'en' ? r.messageEn : r.messageVi,
        messageVi: r.messageVi,
        messageEn: r.messageEn,
        indicator: r.indicator,
        unitCode: r.unitCode,
        period: r.period,
      })),
      asOf: now.toISOString(),
    };
  }

  /**
   * Liveness of every active feed (or one): per unit, last report, overdue, completeness and
   * late reports over the window starting `since` (default: twelve months back).
   */
  async liveness(query: {
    feed?: string | undefined;
    since?: string | undefined;
    unit?: string | undefined;
  }) {
    const now = this.now();
    const since = query.since === undefined ? monthsBack(now, 12) : dayParam(query.since, 'since');
    const [feeds, indicators, units] = await Promise.all([
      listFeeds(this.db),
      listIndicators(this.db),
      loadUnitDirectory(this.db),
    ]);
    const chosen = query.feed === undefined ? feeds : feeds.filter((f) => f.code === query.feed);
    if (query.feed !== undefined && chosen.length === 0) {
      throw notFound('FEED_NOT_FOUND', `no active feed ${query.feed}`);
    }
    const byCode = indexIndicators({ indicators });
    const sinceDate = new Date(`${since}T00:00:00+07:00`);
    const items = await Promise.all(
      chosen.map(async (feed) => {
        const view: FeedLivenessView = feedLivenessView({
          feed,
          reports: await reportFacts(this.db, feed.code, since),
          indicators: byCode,
          units,
          since: sinceDate,
          now,
        });
        const unitRows = view.units
          .filter((u) => query.unit === undefined || u.unitCode === query.unit)
          .map((u): UnitLivenessView => ({
            feed: u.feed,
            unitCode: u.unitCode,
            unitName: units.get(u.unitCode)?.name ?? null,
            lastReportAt: u.lastReportAt,
            lastPeriod: u.lastPeriod,
            expected: u.expected,
            reported: u.reported,
            completeness: u.completeness,
            overdue: u.overdue,
            missingCount: u.missing.length,
            lateCount: u.late.length,
            missing: u.missing.slice(-MAX_CELLS).reverse(),
            late: u.late.slice(-MAX_CELLS).reverse(),
          }));
        return { ...view, units: unitRows };
      }),
    );
    return { asOf: now.toISOString(), since, feeds: items };
  }

  // ── Read models ──────────────────────────────────────────────────────────────────────────

  /** A unit's scorecard for a year: every indicator it is measured on (with a target or data). */
  async scorecard(query: { unit: string | undefined; year?: string | undefined; all?: boolean }) {
    const now = this.now();
    const year = query.year === undefined ? vnYear(now) : intParam(query.year, 'year', 2000, 2100);
    const units = await loadUnitDirectory(this.db);
    const unit = requireUnit(units, query.unit);
    const level = measuredLevel(unit.level);
    const children = units.childrenOf(unit.code);
    const [indicators, targets, reports, sources] = await Promise.all([
      listIndicators(this.db),
      listTargets(this.db, {
        unitCodes: [unit.code, ...(unit.parentCode === null ? [] : [unit.parentCode])],
      }),
      currentReportsBetween(this.db, {
        unitCodes: [unit.code, ...children],
        from: FAR_PAST,
        to: `${year}-12-31`,
      }),
      listSources(this.db),
    ]);
    const items: ScorecardItem[] = [];
    for (const indicator of indicators) {
      if (!indicator.measuredAt.includes(level)) continue;
      const applicable = applicableTargets(
        indicator,
        unit,
        targets.filter((t) => t.indicator === indicator.code),
      );
      const entry = scorecardEntry({
        indicator,
        unitCode: unit.code,
        year,
        units,
        reports: reports.filter((r) => r.indicator === indicator.code),
        targets: applicable,
      });
      if (query.all !== true && applicable.length === 0 && entry.value === null) continue;
      items.push({
        ...entry,
        nameVi: indicator.nameVi,
        nameEn: indicator.nameEn,
        domain: indicator.domain,
        unit: indicator.unit,
        direction: indicator.direction,
        rollup: indicator.rollup,
      });
    }
    const summary = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0, no_target: 0 };
    for (const i of items) summary[i.status]++;
    return {
      asOf: now.toISOString(),
      unit: unitHeader(unit),
      year,
      summary,
      items,
      sources: sourceTitles(
        sources,
        items.flatMap((i) => i.evaluations.map((e) => e.source)),
      ),
    };
  }

  /** One indicator across the wards of a province, for one period or for a year. */
  async choropleth(
    code: string,
    query: { province: string | undefined; period?: string | undefined; year?: string | undefined },
  ): Promise<Choropleth & { asOf: string; sources: SourceTitles }> {
    const now = this.now();
    const indicator = await this.requireIndicator(code);
    const units = await loadUnitDirectory(this.db);
    const province = requireUnit(units, query.province);
    if (province.level !== 'province') {
      throw new DomainError('invalid', 'UNIT_NOT_PROVINCE', `${province.code} is not a province`);
    }
    let period: string | null = null;
    let year: number;
    if (query.period !== undefined) {
      const p = parsePeriod(query.period);
      if (p === null)
        throw new DomainError('invalid', 'PERIOD_INVALID', 'period: 2026-03, 2026-Q1 or 2026');
      period = p.code;
      year = p.year;
    } else {
      year = query.year === undefined ? vnYear(now) : intParam(query.year, 'year', 2000, 2100);
    }
    const unitCodes = [province.code, ...units.childrenOf(province.code)];
    const [reports, targets, sources] = await Promise.all([
      currentReportsBetween(this.db, {
        unitCodes,
        from: FAR_PAST,
        to: `${year}-12-31`,
        indicators: [code],
      }),
      listTargets(this.db, { indicators: [code], unitCodes }),
      listSources(this.db),
    ]);
    const targetsOf = (unitCode: string) => {
      const unit = units.get(unitCode);
      return unit === undefined ? [] : applicableTargets(indicator, unit, targets);
    };
    const map = choropleth({
      indicator,
      provinceCode: province.code,
      year,
      period,
      units,
      reports,
      targetsOf,
    });
    const used = [...map.cells, map.province].flatMap((c) => c.evaluations.map((e) => e.source));
    return { asOf: now.toISOString(), ...map, sources: sourceTitles(sources, used) };
  }

  /** Every period of a unit's indicator with lineage (feed, submission, replaced values). */
  async history(code: string, query: { unit: string | undefined; period?: string | undefined }) {
    const indicator = await this.requireIndicator(code);
    const units = await loadUnitDirectory(this.db);
    const unit = requireUnit(units, query.unit);
    const period = query.period === undefined ? undefined : parsePeriod(query.period)?.code;
    if (query.period !== undefined && period === undefined) {
      throw new DomainError('invalid', 'PERIOD_INVALID', 'period: 2026-03, 2026-Q1 or 2026');
    }
    const [versions, reports] = await Promise.all([
      reportHistory(this.db, {
        indicator: code,
        unitCode: unit.code,
        ...(period === undefined ? {} : { period }),
      }),
      currentReportsBetween(this.db, {
        unitCodes: [unit.code, ...units.childrenOf(unit.code)],
        from: FAR_PAST,
        to: '2100-12-31',
        indicators: [code],
      }),
    ]);
    const series = unitSeries(indicator, unit.code, units, reports).filter(
      (p) => period === undefined || p.period === period,
    );
    const periods: HistoryPeriod[] = historyView(versions, series);
    return { asOf: this.now().toISOString(), indicator: code, unit: unitHeader(unit), periods };
  }

  private now(): Date {
    return this.clock();
  }

  private async requireIndicator(code: string): Promise<Indicator> {
    const indicator = await getIndicator(this.db, code);
    if (indicator === null) throw notFound('INDICATOR_NOT_FOUND', `no indicator ${code}`);
    return indicator;
  }
}

function notFound(code: string, message: string): DomainError {
  return new DomainError('not_found', code, message);
}

function requireUnit(units: UnitDirectory, code: string | undefined): UnitRef {
  if (code === undefined || code === '') {
    throw new DomainError(
      'invalid',
      'UNIT_REQUIRED',
      'unit (an administrative unit code) is required',
    );
  }
  const unit = units.get(code);
  if (unit === undefined) throw notFound('UNIT_NOT_FOUND', `no administrative unit ${code}`);
  return unit;
}

function unitHeader(unit: UnitRef) {
  return {
    code: unit.code,
    name: unit.name ?? null,
    level: unit.level,
    parentCode: unit.parentCode,
  };
}

function sourceTitles(
  sources: readonly IndicatorSource[],
  used: readonly (string | null)[],
): SourceTitles {
  const wanted = new Set(used.filter((s): s is string => s !== null));
  const out: SourceTitles = {};
  for (const s of sources) {
    if (wanted.has(s.id))
      out[s.id] = { titleVi: s.titleVi, titleEn: s.titleEn, issuedOn: s.issuedOn };
  }
  return out;
}

function ruleOf(t: StoredTarget): TargetRule {
  if (t.op === 'between') return { op: t.op, min: t.min, max: t.max };
  if (t.op === 'reached') return { op: t.op };
  return { op: t.op, value: t.value };
}

function levelParam(level: string): 'province' | 'commune' {
  if (level === 'province') return 'province';
  if (level === 'commune' || level === 'ward' || level === 'special_zone') return 'commune';
  throw new DomainError('invalid', 'LEVEL_INVALID', 'level must be province or commune');
}

function intParam(text: string, name: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new DomainError(
      'invalid',
      `${name.toUpperCase()}_INVALID`,
      `${name} must be an integer ${min}–${max}`,
    );
  }
  return n;
}

function dayParam(text: string, name: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new DomainError(
      'invalid',
      `${name.toUpperCase()}_INVALID`,
      `${name} must be a date YYYY-MM-DD`,
    );
  }
  return text;
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The calendar year in Vietnam. */
function vnYear(at: Date): number {
  return Number(vnDay(at).slice(0, 4));
}

/** First day (Vietnam) of the month `months` before the one containing `at`. */
function monthsBack(at: Date, months: number): string {
  const [y, m] = vnDay(at).split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) - months;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
}

function optionalWhy(body: unknown, fallback: string): string {
  if (body === undefined || body === null || (typeof body === 'object' && !('why' in body))) {
    return fallback;
  }
  return parseAdminInput(reasonSchema, body, 'INPUT_INVALID').why;
}

function fileError(error: ParseFailure, language: 'vi' | 'en'): DomainError {
  const kind =
    error.code === 'too_many_rows'
      ? 'too_large'
      : error.code === 'unsupported_format'
        ? 'unsupported_media'
        : 'invalid';
  return new DomainError(
    kind,
    `REPORT_${error.code.toUpperCase()}`,
    language === 'en' ? error.messageEn : error.messageVi,
    {
      issues: [{ path: '', message: language === 'en' ? error.messageEn : error.messageVi }],
      messageVi: error.messageVi,
      messageEn: error.messageEn,
    },
  );
}

/** Database constraint failures that are the caller's fault become 400/409 answers. */
async function dbErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { code?: string; detail?: string; message?: string };
    if (e.code === '23503') {
      throw new DomainError(
        'invalid',
        'REFERENCE_UNKNOWN',
        e.detail ?? 'unknown reference (indicator or source)',
      );
    }
    if (e.code === '23505')
      throw new DomainError('conflict', 'ALREADY_EXISTS', e.detail ?? 'already exists');
    if (e.code === '23514')
      throw new DomainError('invalid', 'CONSTRAINT_VIOLATED', e.message ?? 'invalid value');
    throw err;
  }
}
