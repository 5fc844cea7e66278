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
 * Whether the resident may still reopen a resolved case: until `reopenDays` days after the
 * resolution (the API has the last word; this only decides whether to offer the button).
 */
export function canReopen(
  status: string,
  resolvedAt: string | null,
  reopenDays: number,
  now: number,
): boolean {
  if (status !== 'resolved' || resolvedAt === null) return false;
  const at = Date.parse(resolvedAt);
  return Number.isFinite(at) && now <= at + reopenDays * 86_400_000;
}
