import type { ConnectorTarget } from '@ioc/contracts';
import type { SourceRecord } from '../fetch/parse-body';
import type { RecordMapper } from '../mapping/mapper';
import type { ConnectorUnits } from '../ports';
import type { DeadLetterInput } from '../repo/run.repository';
import { checkTarget } from './target-records';

/** One page mapped: the target records to upsert and the source records that failed. */
export interface MappedPage {
  records: Record<string, unknown>[];
  /** The source record each target record came from (for the sink's refusals). */
  origins: SourceRecord[];
  rejected: DeadLetterInput[];
}

/** A bounded, readable excerpt of a source record for its dead letter. */
export function recordExcerpt(r: SourceRecord): string {
  const text = JSON.stringify(r);
  return text.length > 2_000 ? `${text.slice(0, 2_000)}… (${String(text.length)} chars)` : text;
}

/**
 * Maps a page: each source record through the connector's JSONata mapping, each result checked
 * against its kind's contract and its unit code against our units. A source record that fails
 * any step is dead-lettered with the reason; the others go on.
 */
export async function mapPage(
  records: readonly SourceRecord[],
  mapper: RecordMapper,
  target: ConnectorTarget,
  units: ConnectorUnits,
): Promise<MappedPage> {
  const out: MappedPage = { records: [], origins: [], rejected: [] };
  const known = new Map<string, boolean>();
  for (const source of records) {
    const mapped = await mapper.map(source);
    if (!mapped.ok) {
      out.rejected.push({
        reason: mapped.reason,
        detail: mapped.detail,
        record: recordExcerpt(source),
      });
      continue;
    }
    const checked: Record<string, unknown>[] = [];
    let refusal: DeadLetterInput | null = null;
    for (const r of mapped.records) {
      const c = checkTarget(target, r);
      if (!c.ok) {
        refusal = { reason: 'invalid_record', detail: c.detail, record: recordExcerpt(source) };
        break;
      }
      const code = String(c.record.unitCode);
      if (!known.has(code)) known.set(code, await units.exists(code));
      if (known.get(code) !== true) {
        refusal = {
          reason: 'unknown_unit',
          detail: `no administrative unit ${code}`,
          record: recordExcerpt(source),
        };
        break;
      }
      checked.push(c.record);
    }
    if (refusal !== null) {
      out.rejected.push(refusal);
      continue;
    }
    for (const r of checked) {
      out.records.push(r);
      out.origins.push(source);
    }
  }
  return out;
}
