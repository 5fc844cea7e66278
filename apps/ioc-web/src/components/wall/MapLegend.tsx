import { useI18n } from '../../i18n/useI18n';
import {
  cssColor,
  NO_DATA_RGB,
  OFFLINE_DEVICE_RGB,
  OTHER_DEVICE_RGB,
  PM25_CLASSES,
} from '../../map/colorScale';

export function MapLegend({ showApproximate }: { showApproximate: boolean }) {
  const { t, num } = useI18n();
  let lower = 0;
  return (
    <section className="panel-card legend" aria-label={t('legend.title')}>
      <h2 className="panel-heading">{t('legend.title')}</h2>
      <ul className="legend-grid">
        {PM25_CLASSES.map((c) => {
          const range = Number.isFinite(c.max)
            ? `${num(lower, 0)}–${num(c.max, 0)}`
            : `> ${num(lower, 0)}`;
          lower = c.max;
          return (
            <li key={c.labelKey}>
              <span className="swatch" style={{ background: cssColor(c.rgb, 0.85) }} />
              <span className="legend-label">{t(c.labelKey)}</span>
              <span className="legend-range">{range}</span>
            </li>
          );
        })}
        <li className="legend-wide">
          <span className="swatch" style={{ background: cssColor(NO_DATA_RGB, 0.85) }} />
          <span className="legend-label">{t('legend.noData')}</span>
        </li>
        {showApproximate && (
          <li className="legend-wide" data-testid="legend-approximate">
            <span className="swatch swatch-dashed" />
            <span className="legend-label">{t('legend.approximate')}</span>
          </li>
        )}
      </ul>
      <ul className="legend-row">
        <li>
          <span className="dot" style={{ background: cssColor(OTHER_DEVICE_RGB) }} />
          {t('legend.device')}
        </li>
        <li>
          <span className="dot" style={{ background: cssColor(OFFLINE_DEVICE_RGB) }} />
          {t('legend.deviceOffline')}
        </li>
      </ul>
    </section>
  );
}
