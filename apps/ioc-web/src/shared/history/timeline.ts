import type { MessageKey } from '../i18n/translate';

/** An audit row of an alert as `GET /api/v1/alerts/{id}/audit` sends it (the fields used). */
export interface AuditItem {
  id: number;
  at: string;
  actor: string;
  actorKind: string;
  action: string;
  detail: unknown;
}

/** A note as `GET /api/v1/alerts/{id}` sends it. */
export interface NoteItem {
  id: number;
  author: string;
  text: string;
  at: string;
}

/** One step of an alert's life, as the timeline prints it. */
export interface TimelineEntry {
  key: string;
  at: string;
  action: string;
  labelKey: MessageKey;
  /** Who did it; null for the platform itself (the rule engine opens and updates alerts). */
  actor: string | null;
  /** What the step carried: a note's text, a resolution's reason, an assignee. */
  text: string | null;
  assignee: string | null;
}

const LABELS: Readonly<Record<string, MessageKey>> = {
  open: 'history.event.open',
  acknowledge: 'history.event.acknowledge',
  start: 'history.event.start',
  assign: 'history.event.assign',
  note: 'history.event.note',
  resolve: 'history.event.resolve',
  close: 'history.event.close',
  reopen: 'history.event.reopen',
  escalate: 'history.event.escalate',
  update: 'history.event.update',
  condition_cleared: 'history.event.conditionCleared',
};

function field(detail: unknown, name: string): string | null {
  if (typeof detail !== 'object' || detail === null || !(name in detail)) return null;
  const v = (detail as Record<string, unknown>)[name];
  return typeof v === 'string' && v !== '' ? v : null;
}

/**
 * The audit trail with the notes' words put back: the audit row of a note records only its
 * length (notes may hold names and phone numbers the log should not copy), and the notes come
 * in the same order, so the n-th note row is the n-th note.
 */
export function buildTimeline(
  audit: readonly AuditItem[],
  notes: readonly NoteItem[],
): TimelineEntry[] {
  const byTime = [...notes].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
  let nextNote = 0;
  return [...audit]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id)
    .map((row): TimelineEntry => {
      let text: string | null = null;
      if (row.action === 'note') {
        text = byTime[nextNote]?.text ?? null;
        nextNote++;
      } else if (row.action === 'resolve' || row.action === 'reopen') {
        text = field(row.detail, 'reason');
      }
      return {
        key: String(row.id),
        at: row.at,
        action: row.action,
        labelKey: LABELS[row.action] ?? 'history.event.other',
        actor: row.actorKind === 'user' ? row.actor : null,
        text,
        assignee: row.action === 'assign' ? field(row.detail, 'assignee') : null,
      };
    });
}
