import { Counter, type Registry } from 'prom-client';
import { DomainError, type IndicatorChanged } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { indexIndicators } from '../catalogue/load';
import { CatalogueRepository } from '../repo/catalogue.repository';
import { FeedRepository, type Feed } from '../repo/feed.repository';
import { SubmissionRepository } from '../repo/submission.repository';
import { reportRowExcerpt } from '../report/excerpt';
import type { RawReportRow } from '../report/raw-row';
import { parseReport, type ParseFailure } from '../report/parse';
import type { RejectionCode } from '../report/reasons';
import { validateReportRows, type ValidReport } from '../report/validate';
import type { IndicatorUnits } from '../units';

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

/** One computed ratio row for a built-in feed (numerator and denominator, never a bare value). */
export interface ComputedRow {
  indicatorCode: string;
  unitCode: string;
  /** `YYYY-MM`, or any period the indicator's cadence reads. */
  period: string;
  numerator: number;
  denominator: number;
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

/** A refused file or row as kept in dead_letter. */
export interface ReportDeadLetter {
  reason: string;
  detail: string;
  source: string;
  payload?: string | Buffer;
  receivedAt: Date;
}

/** Where refused reports go (libs/ingest's DeadLetterRepository satisfies it). */
export interface ReportDeadLetters {
  insertMany(items: ReportDeadLetter[]): Promise<void>;
}

export interface ReportIntakeOptions {
  /** Told after a report stored rows: the live side pushes WS `indicator` messages. */
  onReportSaved?: (changes: IndicatorChanged[]) => void;
  /** Where `ioc_indicator_report_rows_total` is registered (none: not counted). */
  registry?: Registry;
  clock?: () => Date;
}

const FEED_CODE = /^[a-z0-9][a-z0-9_-]{1,63}$/;

/**
 * A department's or ward's report: authenticated by the feed key, parsed (CSV or JSON), every
 * row judged on its own. Good rows are stored (a re-submitted period supersedes the stored
 * value, which stays as history); each bad row gets one reason in the answer and one
 * dead_letter row. A file that cannot be read at all is refused whole (and dead-lettered).
 */
export class ReportIntakeService {
  private readonly feeds: FeedRepository;
  private readonly catalogue: CatalogueRepository;
  private readonly submissions: SubmissionRepository;
  private readonly rows?: Counter<'outcome' | 'reason'>;
  private readonly clock: () => Date;
  private readonly onReportSaved: ((changes: IndicatorChanged[]) => void) | undefined;

  constructor(
    db: Queryable,
    private readonly units: IndicatorUnits,
    private readonly deadLetters: ReportDeadLetters,
    options: ReportIntakeOptions = {},
  ) {
    this.feeds = new FeedRepository(db);
    this.catalogue = new CatalogueRepository(db);
    this.submissions = new SubmissionRepository(db);
    this.clock = options.clock ?? (() => new Date());
    this.onReportSaved = options.onReportSaved;
    if (options.registry) {
      this.rows = new Counter({
        name: 'ioc_indicator_report_rows_total',
        help: 'Indicator report rows received over the feed API, by outcome and rejection reason',
        labelNames: ['outcome', 'reason'],
        registers: [options.registry],
      });
    }
  }

  async submitReport(upload: ReportUpload): Promise<ReportReceipt> {
    const now = this.clock();
    const source = `http:/api/v1/feeds/${FEED_CODE.test(upload.feedCode) ? upload.feedCode : '?'}/reports`;
    if (upload.key === undefined || upload.key === '') {
      throw new DomainError(
        'unauthorized',
        'FEED_KEY_MISSING',
        'Send the feed key as Authorization: Bearer <key> or X-Api-Key: <key>',
      );
    }
    const feed = FEED_CODE.test(upload.feedCode)
      ? await this.feeds.verifyKey(upload.feedCode, upload.key)
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

    const { saved, accepted, rejected } = await this.store(feed, parsed.rows, now, {
      submittedBy:
        upload.submittedBy === null
          ? `feed:${feed.code}`
          : `${upload.submittedBy} (feed:${feed.code})`,
      filename: upload.filename,
      contentType: upload.contentType ?? null,
      source,
      text: parsed.format === 'csv' ? body.toString('utf8') : undefined,
    });

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
   * Rows the platform computed itself (e.g. citizen-report rates) for one of its built-in feeds:
   * no key — the caller is code in this process, not a sender on the network — but the same
   * validation, storage, history and change notification as a sent report. A built-in feed has no
   * usable key, so nobody outside can report in its name.
   */
  async recordComputed(
    feedCode: string,
    rows: readonly ComputedRow[],
    actor: string,
  ): Promise<ReportReceipt> {
    const now = this.clock();
    const feed = await this.feeds.get(feedCode);
    if (feed === null || feed.revokedAt !== null) {
      throw new DomainError('not_found', 'FEED_NOT_FOUND', `Unknown or revoked feed ${feedCode}`);
    }
    const raw: RawReportRow[] = rows.map((r, i) => ({
      row: i + 1,
      indicator: r.indicatorCode,
      unitCode: r.unitCode,
      period: r.period,
      value: null,
      numerator: r.numerator,
      denominator: r.denominator,
      note: null,
    }));
    const { saved, accepted, rejected } = await this.store(feed, raw, now, {
      submittedBy: `${actor} (feed:${feed.code})`,
      filename: null,
      contentType: null,
      source: `platform:${feed.code}`,
      text: undefined,
    });
    return {
      submissionId: saved.submissionId,
      feed: feed.code,
      rowCount: raw.length,
      accepted: accepted.length,
      superseded: saved.superseded,
      rejected: rejected.map((r) => ({
        row: r.row,
        code: r.code,
        message: r.messageVi,
        messageVi: r.messageVi,
        messageEn: r.messageEn,
        indicator: r.indicator,
        unitCode: r.unitCode,
        period: r.period,
      })),
      asOf: now.toISOString(),
    };
  }

  /** Validates rows against the catalogue and the feed's scope, stores them, tells and counts. */
  private async store(
    feed: Feed,
    rows: readonly RawReportRow[],
    now: Date,
    meta: {
      submittedBy: string;
      filename: string | null;
      contentType: string | null;
      source: string;
      /** The CSV text, for dead-letter excerpts of rejected lines. */
      text: string | undefined;
    },
  ) {
    const [indicators, units] = await Promise.all([
      this.catalogue.listIndicators(),
      this.units.snapshot(),
    ]);
    const { accepted, rejected } = validateReportRows(rows, {
      indicators: indexIndicators({ indicators }),
      units,
      feed,
      now,
    });
    const saved = await this.submissions.save({
      feed: feed.code,
      submittedBy: meta.submittedBy,
      submittedAt: now,
      filename: meta.filename,
      contentType: meta.contentType,
      rowCount: rows.length,
      accepted,
      rejected,
    });

    if (rejected.length > 0) {
      const text = meta.text;
      const rawByRow = new Map(rows.map((r) => [r.row, r]));
      await this.deadLetters.insertMany(
        rejected.map((r) => ({
          reason: r.code,
          detail: `submission ${saved.submissionId}, row ${r.row}${r.line === undefined ? '' : ` (line ${r.line})`}: ${r.messageEn}`,
          source: meta.source,
          payload: reportRowExcerpt(text, r, rawByRow.get(r.row)),
          receivedAt: now,
        })),
      );
    }
    this.rows?.inc({ outcome: 'accepted', reason: '' }, accepted.length);
    if (accepted.length > 0 && this.onReportSaved) {
      this.onReportSaved(changesOf(accepted, feed.code));
    }
    for (const r of rejected) this.rows?.inc({ outcome: 'rejected', reason: r.code });

    return { saved, accepted, rejected };
  }
}

/** One change per unit × indicator × period, however many rows named it. */
function changesOf(accepted: readonly ValidReport[], feedCode: string): IndicatorChanged[] {
  const changes = new Map<string, IndicatorChanged>();
  for (const r of accepted) {
    changes.set(`${r.unitCode}\u0000${r.indicator}\u0000${r.period}`, {
      unitCode: r.unitCode,
      indicatorCode: r.indicator,
      period: r.period,
      feedCode,
    });
  }
  return [...changes.values()];
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
