import { bad } from './spatial';
import type { EntitySet, Row } from './sta-model';

/** `Things('a''b')`: the key as an OData string literal. */
export function keyed(set: EntitySet, id: unknown): string {
  return `${set.name}('${String(id).replace(/'/g, "''")}')`;
}

/** Refuses a $select naming something the entity does not have. */
export function checkSelect(set: EntitySet, select: readonly string[] | undefined): void {
  for (const name of select ?? []) {
    if (!set.selectable.includes(name) && !(name in set.nav))
      throw bad(`${set.entity} has no property ${name}`, '$select');
  }
}

/**
 * An entity as OGC 18-088 writes it: `@iot.id`, `@iot.selfLink`, its properties, then one
 * `<Nav>@iot.navigationLink` per navigation property. With $select, only what it names.
 */
export function formatEntity(
  set: EntitySet,
  row: Row,
  root: string,
  select?: readonly string[],
): Row {
  const self = `${root}/${keyed(set, row.id)}`;
  const wants = (name: string) => select === undefined || select.includes(name);
  const out: Row = {};
  if (wants('id')) out['@iot.id'] = row.id;
  if (wants('selfLink')) out['@iot.selfLink'] = self;
  for (const [k, v] of Object.entries(set.format(row, root))) if (wants(k)) out[k] = v;
  for (const nav of Object.keys(set.nav))
    if (wants(nav)) out[`${nav}@iot.navigationLink`] = `${self}/${nav}`;
  return out;
}
