import { useI18n } from '../../../shared/i18n/useI18n';
import { useMetrics } from '../../../shared/metrics/useMetrics';
import type { DeviceState } from '../../../shared/live/deviceStore';

/**
 * Every metric of the most recently updated devices as DOM (visually hidden): screen readers
 * and browser tests can read exact live values that the map only shows as colours.
 * `data-value` is the raw number; the text names the metric and formats the value as the
 * catalogue says, in the UI language.
 */
export function DeviceValuesList({ devices }: { devices: readonly DeviceState[] }) {
  const { t } = useI18n();
  const metrics = useMetrics();
  return (
    <ul className="sr-only" data-testid="device-values" aria-label={t('panel.deviceValues')}>
      {devices.flatMap((d) =>
        [...d.latest].map(([metric, v]) => (
          <li
            key={`${d.id}|${metric}`}
            data-device-id={d.id}
            data-metric={metric}
            data-value={v.value}
            data-time={new Date(v.time).toISOString()}
          >
            {d.id} {metrics.name(metric)} {metrics.value(metric, v.value)}
          </li>
        )),
      )}
    </ul>
  );
}
