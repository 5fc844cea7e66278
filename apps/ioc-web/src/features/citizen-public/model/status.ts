import type { MessageKey } from '../../../shared/i18n/translate';

// Labels of the case statuses and public events. Typed against plain strings so that a status
// or event added to the vocabulary later shows as "unknown" instead of breaking the page.

const STATUS_LABELS: Readonly<Record<string, MessageKey>> = {
  received: 'citizen.status.received',
  assigned: 'citizen.status.assigned',
  in_progress: 'citizen.status.in_progress',
  resolved: 'citizen.status.resolved',
  rejected: 'citizen.status.rejected',
};

const EVENT_LABELS: Readonly<Record<string, MessageKey>> = {
  received: 'citizen.event.received',
  assigned: 'citizen.event.assigned',
  started: 'citizen.event.started',
  resolved: 'citizen.event.resolved',
  rejected: 'citizen.event.rejected',
  transferred: 'citizen.event.transferred',
  reopened: 'citizen.event.reopened',
  rated: 'citizen.event.rated',
  duplicate_linked: 'citizen.event.duplicate_linked',
};

export function statusLabelKey(status: string): MessageKey {
  return STATUS_LABELS[status] ?? 'citizen.status.unknown';
}

export function eventLabelKey(kind: string): MessageKey {
  return EVENT_LABELS[kind] ?? 'citizen.event.other';
}

/** Colour family of a status chip: open, done or refused. */
export function statusTone(status: string): 'open' | 'done' | 'refused' {
  if (status === 'resolved') return 'done';
  if (status === 'rejected') return 'refused';
  return 'open';
}

/**
 * Whether to offer the resident a reopen: a resolved case until `reopenUntil` (the API has the
 * last word; this only decides whether to show the form).
 */
export function canReopen(status: string, reopenUntil: string | null, now: number): boolean {
  if (status !== 'resolved' || reopenUntil === null) return false;
  const until = Date.parse(reopenUntil);
  return Number.isFinite(until) && now <= until;
}
