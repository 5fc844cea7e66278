import type { I18n } from '../i18n/useI18n';
import { ageHours, hoursLeft, spanOf } from './caseModel';

function span(t: I18n['t'], hours: number): string {
  const s = spanOf(hours);
  return s.days > 0
    ? t('citizenStaff.span.days', { days: s.days, hours: s.hours })
    : t('citizenStaff.span.hours', { hours: s.hours });
}

/** "3 ngày 4 giờ": how long the case has waited. */
export function ageText(t: I18n['t'], receivedAt: string, now: number): string {
  return span(t, ageHours(receivedAt, now));
}

/** "còn 5 giờ" / "quá hạn 2 ngày 1 giờ". */
export function deadlineText(t: I18n['t'], deadlineAt: string, now: number): string {
  const left = hoursLeft(deadlineAt, now);
  return left >= 0
    ? t('citizenStaff.left', { span: span(t, left) })
    : t('citizenStaff.late', { span: span(t, -left) });
}
