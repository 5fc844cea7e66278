import jsonata from 'jsonata';
import type { ConnectorMapping } from '@ioc/contracts';
import type { SourceRecord } from '../fetch/parse-body';

/** A mapped record, or why the source record could not be mapped. */
export type MapOutcome =
  | { ok: true; records: Record<string, unknown>[] }
  | { ok: false; reason: 'mapping_failed' | 'mapping_empty'; detail: string };

/** A compiled mapping: one JSONata expression per connector, compiled once per run. */
export class RecordMapper {
  private readonly expr: jsonata.Expression;

  constructor(private readonly mapping: ConnectorMapping) {
    // A syntax error surfaces here, when the connector is saved or a run starts.
    this.expr = jsonata(mapping.expression);
  }

  /** Checks an expression compiles; the JSONata message otherwise. */
  static check(expression: string): string | null {
    try {
      jsonata(expression);
      return null;
    } catch (err) {
      return (err as Error).message;
    }
  }

  async map(record: SourceRecord): Promise<MapOutcome> {
    let out: unknown;
    try {
      out = await this.expr.evaluate(record);
    } catch (err) {
      return { ok: false, reason: 'mapping_failed', detail: (err as Error).message };
    }
    const list = out === undefined || out === null ? [] : Array.isArray(out) ? out : [out];
    const records = list.filter(
      (r): r is Record<string, unknown> => r !== null && typeof r === 'object' && !Array.isArray(r),
    );
    if (records.length === 0) {
      return { ok: false, reason: 'mapping_empty', detail: 'the mapping produced no record' };
    }
    return { ok: true, records: records.map((r) => this.withUnitCode(r)) };
  }

  /**
   * Administrative-unit codes: the connector's own table of the source's codes (old codes
   * before a merger) first; a numeric code loses its zero padding in spreadsheets and JSON
   * numbers, so digits are padded back to the national 2- or 5-digit form.
   */
  private withUnitCode(r: Record<string, unknown>): Record<string, unknown> {
    const raw = r.unitCode;
    if (typeof raw !== 'string' && typeof raw !== 'number') return r;
    const text = String(raw).trim();
    const mapped = this.mapping.unitCodes[text] ?? text;
    const padded =
      /^\d+$/.test(mapped) && mapped.length > 2 && mapped.length < 5
        ? mapped.padStart(5, '0')
        : /^\d$/.test(mapped)
          ? mapped.padStart(2, '0')
          : mapped;
    return { ...r, unitCode: padded };
  }
}
