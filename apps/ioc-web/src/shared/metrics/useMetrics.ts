import { useMemo } from 'react';
import type { MetricInfo } from '@ioc/contracts';
import { formatMetricValue, metricName, metricUnit, overLimit } from './metricText';
import { useMetricCatalogue } from './metricCatalogue';
import { useI18n } from '../i18n/useI18n';
import type { MessageKey } from '../i18n/translate';

const CATEGORY_KEYS: Readonly<Record<string, MessageKey>> = {
  air: 'metric.category.air',
  weather: 'metric.category.weather',
  water: 'metric.category.water',
  traffic: 'metric.category.traffic',
  noise: 'metric.category.noise',
  energy: 'metric.category.energy',
  connectivity: 'metric.category.connectivity',
  maritime: 'metric.category.maritime',
  device: 'metric.category.device',
};

export interface MetricTexts {
  /** False until the catalogue has loaded; names read "…" meanwhile, never the code. */
  ready: boolean;
  info: (code: string) => MetricInfo | undefined;
  name: (code: string) => string;
  unit: (code: string) => string;
  /** The value with the metric's decimals and unit, in the UI language. */
  value: (code: string, v: number) => string;
  overLimit: (code: string, v: number) => boolean;
  /** "Ngưỡng 50 µg/m³ (QCVN 05:2023/BTNMT, trung bình 24 giờ)", or null where none applies. */
  limitText: (code: string) => string | null;
  /** A catalogue category ("air", "water"…) as a heading in the UI language. */
  categoryName: (category: string) => string;
  /** Every metric of the catalogue by name in the UI language (pickers). */
  all: () => MetricInfo[];
}

/** The metric catalogue in the UI language: what cards, legends and pickers print. */
export function useMetrics(): MetricTexts {
  const index = useMetricCatalogue();
  const { lang, t } = useI18n();
  return useMemo((): MetricTexts => {
    const info = (code: string) => index?.get(code);
    const onOff = { on: t('metric.on'), off: t('metric.off') };
    const value = (code: string, v: number) => formatMetricValue(info(code), v, lang, onOff);
    return {
      ready: index !== null,
      info,
      name: (code) => (index === null ? '…' : metricName(index, code, lang)),
      unit: (code) => metricUnit(info(code), lang),
      value,
      overLimit: (code, v) => overLimit(info(code), v),
      limitText: (code) => {
        const limit = info(code)?.limit;
        if (!limit) return null;
        return t('metric.limit', {
          value: value(code, limit.value),
          basis: lang === 'vi' ? limit.basisVi : limit.basisEn,
        });
      },
      categoryName: (c) => {
        const key = CATEGORY_KEYS[c];
        return key ? t(key) : c.charAt(0).toUpperCase() + c.slice(1).replace(/_/g, ' ');
      },
      all: () =>
        [...(index?.values() ?? [])].sort((a, b) =>
          metricName(index ?? new Map(), a.code, lang).localeCompare(
            metricName(index ?? new Map(), b.code, lang),
            lang,
          ),
        ),
    };
  }, [index, lang, t]);
}
