import type { Reading } from '@ioc/contracts';

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** Escapes a text field for COPY's text format (device ids and metric codes rarely need it). */
function field(v: string): string {
  if (!NEEDS_ESCAPE.test(v)) return v;
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * Encodes rows as COPY text-format lines; one string per chunk keeps the stream cheap. The
 * readings of one message share their Date, so its ISO form is computed once per run of rows.
 */
export function encodeCopyChunk(rows: readonly Reading[]): string {
  let out = '';
  let lastTime: Date | undefined;
  let lastIso = '';
  for (const r of rows) {
    if (r.time !== lastTime) {
      lastTime = r.time;
      lastIso = r.time.toISOString();
    }
    out += `${lastIso}\t${field(r.deviceId)}\t${field(r.metric)}\t${String(r.value)}\t${
      r.unitCode === null ? '\\N' : field(r.unitCode)
    }\n`;
  }
  return out;
}
