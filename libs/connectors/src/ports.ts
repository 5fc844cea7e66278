import type { ConnectorTarget } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';

/** Our administrative units (geo's UnitDirectory satisfies it). */
export interface ConnectorUnits {
  exists(code: string): Promise<boolean>;
}

/** Where a run's records come from, so what they produce can name it (lineage). */
export interface RunLineage {
  connectorId: string;
  runId: string;
}

/** What a sink did with a page of records. */
export interface SinkResult {
  /** Records inserted or changed (a record re-sent unchanged is not counted). */
  upserted: number;
  /** Records the sink refused, by their index in the page, with the reason. */
  rejected: { index: number; reason: string; detail: string }[];
}

/**
 * The store of one record kind, upserting by the kind's natural key. `tx` is the page's
 * transaction: a sink that writes through it commits with the page and its watermark.
 * (libs/dossiers for `dossier`, libs/indicators for `indicator_value`; composition plugs them.)
 */
export interface RecordSink {
  upsert(
    tx: Queryable,
    records: Record<string, unknown>[],
    lineage: RunLineage,
  ): Promise<SinkResult>;
}

export type RecordSinks = Partial<Record<ConnectorTarget, RecordSink>>;
