import { inTransaction, type Queryable } from '@ioc/db';
import {
  AuthApplier,
  fetchOAuthToken,
  type AuthSecrets,
  type TokenFetcher,
} from '../auth/auth-profile';
import type { RequestSigner } from '../auth/lgsp-signer';
import { parsePage, type SourceRecord } from '../fetch/parse-body';
import { fillTemplate, firstPage, limitOf, nextPage, type PageCursor } from '../fetch/paging';
import { SourceClient } from '../fetch/source-client';
import { RecordMapper } from '../mapping/mapper';
import type { ConnectorUnits, RecordSinks } from '../ports';
import { ConnectorRepository, type StoredConnector } from '../repo/connector.repository';
import { RunRepository } from '../repo/run.repository';
import { fieldsOf, schemaDrift } from './drift';
import { mapPage, recordExcerpt } from './page-processor';
import { laterWatermark, watermarkTime } from './watermark';

/** A run stops after this many pages: a source whose paging never ends must not run forever. */
const MAX_PAGES = 10_000;
/** A dry run shows at most this many mapped records. */
export const DRY_RUN_RECORDS = 20;
const DRY_RUN_PAGES = 5;

export interface RunnerDeps {
  db: Queryable;
  units: ConnectorUnits;
  sinks: RecordSinks;
  /** The connector's secrets, opened (the service unseals them). */
  secretsOf: (c: StoredConnector) => Promise<AuthSecrets>;
  signer?: RequestSigner;
  fetchToken?: TokenFetcher;
  now?: () => Date;
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** After each run (its records committed): what depends on them is recomputed. */
  onRunFinished?: (runId: string, connectorId: string) => Promise<void>;
  /** Errors worth a log line; never given a secret (source errors carry status and body only). */
  log?: (line: string) => void;
}

export interface DryRunResult {
  connectorId: string;
  fetched: number;
  records: Record<string, unknown>[];
  rejected: { reason: string; detail: string | null }[];
  fields: string[];
}

/**
 * Runs connectors: pages through the source from the stored watermark, maps each page, and
 * commits each page in one transaction — its records (through the kind's sink), its dead
 * letters, the run's tallies and the advanced watermark. A run that fails keeps the pages it
 * committed; the next one starts from their watermark, and the natural-key upserts absorb the
 * records at the boundary that a source's `updated-since` (inclusive) gives again.
 */
export class ConnectorRunner {
  private readonly connectors: ConnectorRepository;
  private readonly runs: RunRepository;
  private readonly now: () => Date;

  constructor(private readonly deps: RunnerDeps) {
    this.connectors = new ConnectorRepository(deps.db);
    this.runs = new RunRepository(deps.db);
    this.now = deps.now ?? (() => new Date());
  }

  /** One run; resolves with the run id once it is finished (succeeded or failed). */
  async run(c: StoredConnector, trigger: 'schedule' | 'manual'): Promise<string> {
    const runId = await this.runs.start(c.id, trigger, c.watermark, this.now());
    const seen = new Set<string>();
    let newest: string | null = c.watermark;
    let error: string | null = null;
    try {
      const sink = this.deps.sinks[c.mapping.target];
      if (sink === undefined) throw new Error(`no store for records of kind ${c.mapping.target}`);
      const mapper = new RecordMapper(c.mapping);
      const pages = this.pages(c, await this.deps.secretsOf(c));
      for await (const records of pages) {
        for (const f of fieldsOf(records)) seen.add(f);
        const mapped = await mapPage(records, mapper, c.mapping.target, this.deps.units);
        let pageMark = newest;
        if (c.source.watermarkField !== undefined) {
          for (const r of records) pageMark = laterWatermark(pageMark, r[c.source.watermarkField]);
        }
        await inTransaction(this.deps.db, async (tx) => {
          const result = await sink.upsert(tx, mapped.records, { connectorId: c.id, runId });
          const refused = result.rejected.map((r) => ({
            reason: r.reason,
            detail: r.detail,
            record: mapped.origins[r.index]
              ? recordExcerpt(mapped.origins[r.index] as SourceRecord)
              : null,
          }));
          const runs = new RunRepository(tx);
          await runs.deadLetters(runId, c.id, [...mapped.rejected, ...refused], this.now());
          await runs.addPage(runId, {
            pages: 1,
            recordsIn: records.length,
            recordsUpserted: result.upserted,
            recordsRejected: mapped.rejected.length + refused.length,
            watermarkTo: pageMark,
          });
          // Only now, with the page's records in the same transaction, does the mark move.
          if (pageMark !== newest) await new ConnectorRepository(tx).setWatermark(c.id, pageMark);
        });
        newest = pageMark;
      }
    } catch (err) {
      error = (err as Error).message.slice(0, 1_000);
      this.deps.log?.(`connector ${c.id} run ${runId} failed: ${error}`);
    }
    const drift = schemaDrift(c.knownFields, seen);
    if (seen.size > 0) await this.connectors.setKnownFields(c.id, [...seen].sort());
    const finished = this.now();
    const mark = newest === null ? null : watermarkTime(newest);
    await this.runs.finish(
      runId,
      {
        status: error === null ? 'succeeded' : 'failed',
        error,
        lagSeconds: mark === null ? null : Math.max(0, (finished.getTime() - mark) / 1000),
        fieldsAdded: drift.added,
        fieldsRemoved: drift.removed,
      },
      finished,
    );
    await this.deps.onRunFinished?.(runId, c.id).catch((err: unknown) => {
      this.deps.log?.(`connector ${c.id} run ${runId}: after the run: ${(err as Error).message}`);
    });
    return runId;
  }

  /** The first mapped records, nothing written (the admin's "test run"). */
  async dryRun(c: StoredConnector): Promise<DryRunResult> {
    const mapper = new RecordMapper(c.mapping);
    const out: DryRunResult = {
      connectorId: c.id,
      fetched: 0,
      records: [],
      rejected: [],
      fields: [],
    };
    const seen = new Set<string>();
    let pages = 0;
    for await (const records of this.pages(c, await this.deps.secretsOf(c))) {
      out.fetched += records.length;
      for (const f of fieldsOf(records)) seen.add(f);
      const mapped = await mapPage(records, mapper, c.mapping.target, this.deps.units);
      out.records.push(...mapped.records);
      out.rejected.push(...mapped.rejected.map((r) => ({ reason: r.reason, detail: r.detail })));
      if (out.records.length >= DRY_RUN_RECORDS || ++pages >= DRY_RUN_PAGES) break;
    }
    out.records = out.records.slice(0, DRY_RUN_RECORDS);
    out.fields = [...seen].sort();
    return out;
  }

  /** The source's pages from the stored watermark, each as its records. */
  private async *pages(c: StoredConnector, secrets: AuthSecrets): AsyncGenerator<SourceRecord[]> {
    const auth = new AuthApplier(c.auth, secrets, {
      now: this.now,
      fetchToken: this.deps.fetchToken ?? fetchOAuthToken,
      ...(this.deps.signer ? { signer: this.deps.signer } : {}),
    });
    const client = new SourceClient({
      ratePerMinute: c.rateLimitPerMinute,
      maxRetries: c.maxRetries,
      ...(this.deps.backoffMs === undefined ? {} : { backoffMs: this.deps.backoffMs }),
      ...(this.deps.sleep ? { sleep: this.deps.sleep } : {}),
      authHeaders: (method, url) => auth.headers(method, url),
      onUnauthorized: () => {
        auth.reset();
      },
    });
    const { source } = c;
    let at: PageCursor | null = firstPage(source.paging, source.url);
    for (let n = 0; at !== null && n < MAX_PAGES; n++) {
      const values = {
        page: at.page,
        offset: at.offset,
        limit: limitOf(source.paging),
        cursor: at.cursor,
        since: c.watermark ?? '',
      };
      // A next-link is the source's own URL: used as given, not as a template.
      const url =
        source.paging.kind === 'next-link' && n > 0 ? at.url : fillTemplate(at.url, values, true);
      const text = await client.fetchText({
        method: source.method,
        url,
        headers: source.headers,
        ...(source.body === undefined ? {} : { body: fillTemplate(source.body, values, false) }),
      });
      let parsed;
      try {
        parsed = parsePage(source, text);
      } catch (err) {
        throw new Error(`page ${String(n + 1)} does not parse: ${(err as Error).message}`);
      }
      yield parsed.records;
      at = nextPage(source.paging, at, parsed, url);
    }
  }
}
