import { ALERT_SEVERITIES as SEVERITIES, type AlertSeverity as Severity } from '@ioc/contracts';

/**
 * Alert severities, lowest first. Four steps, because the two ladders the IOC most often raises
 * have four actionable rungs above "normal": flood warning levels (báo động I, II, III + the
 * exceptional flood above III) and the VN_AQI categories above Tốt.
 *
 * - info:      worth seeing on the wall, no action required (AQI Trung bình).
 * - warning:   an operator should look within the shift (threshold crossed, device silent,
 *              báo động I, AQI Kém/Xấu).
 * - critical:  act now, people or property at risk (báo động II, AQI Rất xấu).
 * - emergency: danger to life; leadership informed, disaster-response procedures
 *              (báo động III, AQI Nguy hại). Escalation stops raising severity here.
 */
export { ALERT_SEVERITIES as SEVERITIES, type AlertSeverity as Severity } from '@ioc/contracts';

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** One step up; emergency stays emergency. */
export function raiseSeverity(s: Severity): Severity {
  return SEVERITIES[Math.min(severityRank(s) + 1, SEVERITIES.length - 1)] ?? s;
}

export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}
