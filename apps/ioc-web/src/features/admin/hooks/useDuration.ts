import { useCallback } from 'react';
import { useI18n } from '../../../shared/i18n/useI18n';
import { durationParts } from '../model/connectors';

/** "12 phút" / "12 min": a lag in seconds, in the reader's language. */
export function useDuration(): (seconds: number) => string {
  const { t, num } = useI18n();
  return useCallback(
    (seconds: number) => {
      const { unit, n } = durationParts(seconds);
      return t(`admin.connectors.lag.${unit}`, { n: num(n, 0) });
    },
    [t, num],
  );
}

/** "12 phút trước" / "12 min ago": an age in milliseconds. */
export function useAgo(): (ms: number) => string {
  const { t, num } = useI18n();
  return useCallback(
    (ms: number) => {
      const { unit, n } = durationParts(ms / 1000);
      return t(`admin.connectors.age.${unit}`, { n: num(n, 0) });
    },
    [t, num],
  );
}
