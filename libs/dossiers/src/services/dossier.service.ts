import {
  DomainError,
  dossierListQuery,
  dossierPushBody,
  dossierRecordSchema,
  dossierStatsQuery,
  parseInput,
  type AuditSink,
  type DossierRecord,
} from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { DossierIndicatorSink, DossierUnits } from '../ports';
import { DossierRepository, dossierView } from '../repo/dossier.repository';
import { onlineIndicators, ratesBy } from './rates';

export interface DossierServiceDeps<A> {
  units: DossierUnits;
  audit: AuditSink<A>;
  indicators?: DossierIndicatorSink;
  /** Hours before due when a dossier counts as due soon (DOSSIER_WARNING_HOURS). */
  warnHours: number;
  now?: () => Date;
}

/** The lineage of a connector run, as dossier.source and indicator lineage name it. */
export function runSource(connectorId: string, runId: string): string {
  return `connector-run:${runId} (${connectorId})`;
}

/** Months (YYYY-MM, Việt Nam time) the dossiers were received in. */
function monthsOf(records: readonly Pick<DossierRecord, 'receivedAt'>[]): string[] {
  const months = records.map((r) =>
    new Date(Date.parse(r.receivedAt) + 7 * 3_600_000).toISOString().slice(0, 7),
  );
  return [...new Set(months)].sort();
}

/**
 * Public-service dossiers: stored by code from connectors (the `dossier` record sink) or pushed
 * over the API; listed per unit; rates per unit and field; the online-processing indicators
 * recomputed for the months a write touched, with the lineage of the records behind them.
 */
export class DossierService<A> {
  readonly repo: DossierRepository;
  private readonly now: () => Date;

  constructor(
    private readonly db: Queryable,
    private readonly deps: DossierServiceDeps<A>,
  ) {
    this.repo = new DossierRepository(db);
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Writes checked records in `tx` (a connector page's transaction); the records are already
   * valid (the connector checked them against the contract and the unit directory).
   */
  async upsertIn(
    tx: Queryable,
    records: readonly DossierRecord[],
    source: string,
  ): Promise<number> {
    return new DossierRepository(tx).upsertMany(records, source, this.now());
  }

  /** `POST /api/v1/dossiers`: each record checked, the good ones stored, the others listed. */
  async push(body: unknown, actor: A, actorName: string) {
    const { records } = parseInput(dossierPushBody, body);
    const good: DossierRecord[] = [];
    const rejected: { index: number; code: string; message: string }[] = [];
    for (const [index, raw] of records.entries()) {
      const r = dossierRecordSchema.safeParse(raw);
      const given = (raw as { code?: unknown } | null)?.code;
      const code = typeof given === 'string' ? given : '';
      if (!r.success) {
        rejected.push({
          index,
          code,
          message: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        });
      } else if (!(await this.deps.units.exists(r.data.unitCode))) {
        rejected.push({
          index,
          code,
          message: `unitCode: no administrative unit ${r.data.unitCode}`,
        });
      } else good.push(r.data);
    }
    const source = `push:${actorName}`;
    const upserted = await this.repo.upsertMany(good, source, this.now());
    await this.deps.audit.record(actor, {
      action: 'dossier.push',
      targetKind: 'dossier',
      detail: { received: records.length, upserted, rejected: rejected.length },
    });
    if (good.length > 0) await this.recomputeIndicators(monthsOf(good));
    return { received: records.length, upserted, rejected };
  }

  async list(query: unknown) {
    const q = parseInput(dossierListQuery, query, 'QUERY_INVALID');
    const units = await this.unitsOf(q.unit);
    const now = this.now();
    const rows = await this.repo.list(units, q.state, now, this.deps.warnHours, q.limit);
    return { asOf: now.toISOString(), items: rows.map((d) => dossierView(d, now)) };
  }

  async stats(query: unknown) {
    const q = parseInput(dossierStatsQuery, query, 'QUERY_INVALID');
    const rows = await this.repo.ofUnits(await this.unitsOf(q.unit));
    const now = this.now();
    return {
      asOf: now.toISOString(),
      byUnit: ratesBy(rows, (d) => d.unitCode, now),
      byField: ratesBy(rows, (d) => d.fieldCode, now),
    };
  }

  /** After a connector run wrote dossiers: the indicators of the months its records touched. */
  async afterRun(records: readonly Pick<DossierRecord, 'receivedAt'>[]): Promise<void> {
    if (records.length > 0) await this.recomputeIndicators(monthsOf(records));
  }

  /**
   * Recomputes the online-processing indicators of each month from every dossier received in it,
   * one call per unit so each value's lineage names the sources of that unit's records.
   */
  async recomputeIndicators(months: readonly string[]): Promise<void> {
    const sink = this.deps.indicators;
    if (sink === undefined) return;
    for (const period of months) {
      const dossiers = await this.repo.receivedInMonth(period);
      const units = [...new Set(dossiers.map((d) => d.unitCode))].sort();
      for (const unit of units) {
        const ofUnit = dossiers.filter((d) => d.unitCode === unit);
        const sources = [...new Set(ofUnit.map((d) => d.source))].sort();
        await sink.record(
          onlineIndicators(ofUnit, period),
          `platform:dossiers from ${sources.join(', ')}`,
        );
      }
    }
  }

  /**
   * Open dossiers past due, in the shape of the work alert signals (libs/live WorkSignal): the
   * key stays the same while the dossier stays overdue, so each opens one alert.
   */
  async overdueSignals(now: Date) {
    return (await this.repo.openOverdue(now)).map((d) => ({
      key: `dossier:${d.code}`,
      unitCode: d.unitCode,
      title: `hồ sơ ${d.code} (thủ tục ${d.procedureCode})`,
      dueDate: new Date(Date.parse(d.dueAt) + 7 * 3_600_000).toISOString().slice(0, 10),
    }));
  }

  private async unitsOf(code: string): Promise<string[]> {
    if (!(await this.deps.units.exists(code))) {
      throw new DomainError(
        'not_found',
        'UNIT_NOT_FOUND',
        `Không có đơn vị ${code} · No unit ${code}`,
      );
    }
    return this.deps.units.selfAndDescendants(code);
  }
}
