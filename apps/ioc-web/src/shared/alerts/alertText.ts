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

/**
 * The part of an alert's message a wall row has room for. The engine writes "<rule>: <what>"
 * ("Ngập sông Hàn: Báo động II — Mực nước = 2,6 m (mức ≥ 2,5 m)"); the reading against its
 * threshold says more than the rule's name, so a row leads with it and keeps the whole message
 * for its tooltip. Messages in any other shape are shown whole.
 */
export function alertHeadline(message: string, ruleName: string | null): string {
  if (ruleName === null || ruleName === '') return message;
  const prefix = `${ruleName}: `;
  const rest = message.startsWith(prefix) ? message.slice(prefix.length).trim() : '';
  return rest === '' ? message : rest;
}
