import type { Assignee } from './alert';

/**
 * `alert.assignee` is stored as text "user:<id>" or "department:<code>": one column the wall can
 * filter on, and ids may themselves contain colons (only the first one separates).
 */
export function formatAssignee(a: Assignee): string {
  return `${a.kind}:${a.id}`;
}

export function parseAssignee(text: string | null | undefined): Assignee | null {
  if (!text) return null;
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const kind = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if ((kind !== 'user' && kind !== 'department') || id.length === 0) return null;
  return { kind, id };
}
