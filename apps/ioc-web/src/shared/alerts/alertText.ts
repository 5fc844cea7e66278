import type { I18n } from '../i18n/useI18n';

/**
 * "mở 17 phút", "mở 2 giờ 5 phút", "mở 3 ngày 4 giờ": how long an alert has waited, to the
 * minute — an operations room reads "17 minutes" faster than a clock time to subtract.
 */
export function openForText(t: I18n['t'], openedAt: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(openedAt)) / 60_000));
  if (minutes < 60) return t('alertAge.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('alertAge.hours', { h: hours, m: minutes % 60 });
  return t('alertAge.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/**
 * Who owns an alert, as people read it: an office by its name (when the screen knows it), a
 * person by their user name. `assignee` is the wire's "user:<id>" / "department:<id>".
 */
export function ownerText(
  assignee: string | null,
  officeNames: ReadonlyMap<string, string>,
): string | null {
  if (assignee === null) return null;
  const colon = assignee.indexOf(':');
  const kind = assignee.slice(0, colon);
  const id = assignee.slice(colon + 1);
  if (kind === 'department') return officeNames.get(id) ?? id;
  return id;
}
