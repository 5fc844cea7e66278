import type { Reading } from '@ioc/contracts';

/** Escapes a text field for COPY's text format. */
function field(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Encodes rows as COPY text-format lines; one string per chunk keeps the stream cheap. */
export function encodeCopyChunk(rows: readonly Reading[]): string {
  let out = '';
  for (const r of rows) {
    out += `${r.time.toISOString()}\t${field(r.deviceId)}\t${field(r.metric)}\t${String(r.value)}\t${
      r.unitCode === null ? '\\N' : field(r.unitCode)
    }\n`;
  }
  return out;
}
