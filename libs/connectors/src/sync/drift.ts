/** Field names of source records (top level), sorted. */
export function fieldsOf(records: readonly Record<string, unknown>[]): Set<string> {
  const out = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) out.add(k);
  return out;
}

/**
 * Schema drift of one run against the fields seen before: fields that appeared and fields that
 * no record of this run carried. A first run (nothing known) reports no drift; a run that saw
 * no record reports none either (an empty page says nothing about the schema).
 */
export function schemaDrift(
  known: readonly string[],
  seen: ReadonlySet<string>,
): { added: string[]; removed: string[] } {
  if (known.length === 0 || seen.size === 0) return { added: [], removed: [] };
  const before = new Set(known);
  return {
    added: [...seen].filter((f) => !before.has(f)).sort(),
    removed: known.filter((f) => !seen.has(f)).sort(),
  };
}
