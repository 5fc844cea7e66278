import type { MetricInfo } from '@ioc/contracts';
import { formatNumber } from '../i18n/format';
import type { Lang } from '../i18n/translate';

/** The catalogue by code, as the screens look metrics up. */
export type MetricIndex = ReadonlyMap<string, MetricInfo>;

export function indexMetrics(items: readonly MetricInfo[]): MetricIndex {
  return new Map(items.map((m) => [m.code, m]));
}

/**
 * The metric's name in the UI language. A code the catalogue does not know (ingest refuses
 * those, so only a stale screen meets one) is spelled out as words, never shown as `snake_case`.
 */
export function metricName(index: MetricIndex, code: string, lang: Lang): string {
  const m = index.get(code);
  if (m) return lang === 'vi' ? m.nameVi : m.nameEn;
  const words = code.replace(/[_.-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function metricUnit(m: MetricInfo | undefined, lang: Lang): string {
  if (!m) return '';
  return lang === 'vi' ? m.unitVi : m.unitEn;
}

/** Words for an on/off metric (uom `bool`), by language. */
export interface OnOffWords {
  on: string;
  off: string;
}

/**
 * A value as a card prints it: the catalogue's decimals in the UI language's number format,
 * then its unit ("0,76 m", "833 µg/m³", "1.240 xe"); on/off metrics as words.
 */
export function formatMetricValue(
  m: MetricInfo | undefined,
  value: number,
  lang: Lang,
  onOff: OnOffWords,
): string {
  if (m?.uom === 'bool') return value >= 0.5 ? onOff.on : onOff.off;
  const text = formatNumber(lang, value, m?.decimals ?? 2);
  const unit = metricUnit(m, lang);
  if (unit === '') return text;
  // Percent and degrees sit on the number in both languages' usage; other units are spaced.
  return unit === '%' || unit === '°' ? `${text}${unit}` : `${text} ${unit}`;
}

/** Whether a value is above the metric's national limit (false where no limit applies). */
export function overLimit(m: MetricInfo | undefined, value: number): boolean {
  return m?.limit != null && value > m.limit.value;
}
