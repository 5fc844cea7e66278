import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import type { ConnectorSource } from '@ioc/contracts';

/** A source record: a flat or nested object as the source wrote it. */
export type SourceRecord = Record<string, unknown>;

/** A page of a source: its records and the whole parsed answer (paging reads links from it). */
export interface ParsedPage {
  records: SourceRecord[];
  document: unknown;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // SOAP envelopes carry prefixes (soap:Envelope, ns2:Item): mappings name fields without them.
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
});

/** The value at a dot path (`data.items`, `Envelope.Body.Response.Item`); the root for none. */
export function atPath(doc: unknown, path: string | undefined): unknown {
  if (path === undefined || path === '') return doc;
  let cur: unknown = doc;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Parses one answer of the source into records. Throws on a body that does not parse. */
export function parsePage(
  source: Pick<ConnectorSource, 'kind' | 'recordsPath'>,
  body: string,
): ParsedPage {
  if (source.kind === 'csv') {
    const records = parseCsv<SourceRecord>(body.replace(/^\uFEFF/, ''), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
    });
    return { records, document: null };
  }
  const document: unknown = source.kind === 'rest-json' ? JSON.parse(body) : xml.parse(body);
  const at = atPath(document, source.recordsPath);
  // One XML element parses as an object, several as an array: both are a list of records.
  const list = at === undefined || at === null || at === '' ? [] : Array.isArray(at) ? at : [at];
  const records = list.filter(
    (r): r is SourceRecord => r !== null && typeof r === 'object' && !Array.isArray(r),
  );
  if (records.length !== list.length)
    throw new Error('records path holds values that are not records');
  return { records, document };
}
