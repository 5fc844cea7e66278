import { CAMERA_KINDS, type SceneMeasure, type SceneOverlay } from '@ioc/contracts';
import { AGE_CLASSES, OVERDUE_RGB } from '../citizen/ageColors';
import { CAMERA_KIND_RGB } from './layers/cameraLayer';
import { useI18n } from '../i18n/useI18n';
import { useMetrics } from '../metrics/useMetrics';
import type { MessageKey } from '../i18n/translate';
import {
  ALARM_LEVEL_RGB,
  cssColor,
  NO_DATA_RGB,
  OFFLINE_DEVICE_RGB,
  OTHER_DEVICE_RGB,
  SEVERITY_RGB,
} from './colorScale';
import { legendEntries, type MeasureScale } from './measureScale';

export interface MapLegendProps {
  measure: SceneMeasure;
  scale: MeasureScale;
  uom: string;
  overlays: readonly SceneOverlay[];
  /** Stations on the map are coloured by the báo động level they reached. */
  alarmLevels?: boolean;
}

const CITIZEN_AGE_KEYS: readonly MessageKey[] = [
  'citizenStaff.legend.age0',
  'citizenStaff.legend.age1',
  'citizenStaff.legend.age2',
  'citizenStaff.legend.age3',
];

/**
 * The legend of the scene on screen: VN_AQI classes for PM2.5, target status for a Resolution 57
 * indicator, the sequential ramp with its bounds for any other metric, then the overlays shown.
 */
export function MapLegend(props: MapLegendProps) {
  const { measure, scale, uom, overlays, alarmLevels = false } = props;
  const { t, num } = useI18n();
  const metrics = useMetrics();
  // A metric's name and unit are the catalogue's; an indicator's unit comes with its measure.
  const shownUom = measure.kind === 'metric' ? metrics.unit(measure.metric) : uom;
  const title =
    measure.kind === 'metric'
      ? shownUom
        ? t('mapLegend.titleMetricUom', { metric: metrics.name(measure.metric), uom: shownUom })
        : t('mapLegend.titleMetric', { metric: metrics.name(measure.metric) })
      : measure.kind === 'indicator'
        ? t('mapLegend.titleIndicator')
        : t('mapLegend.titleNone');
  const digits = scale.kind === 'sequential' && scale.step < 1 ? 2 : 0;
  const has = (o: SceneOverlay) => overlays.includes(o);
  return (
    <section
      className="panel-card legend scene-legend"
      aria-label={t('mapLegend.title')}
      data-testid="map-legend"
      data-scale={scale.kind}
    >
      <h2 className="panel-heading">{title}</h2>
      <ul className="legend-grid">
        {legendEntries(scale).map((e, i) => (
          <li key={i} data-testid="legend-class">
            <span className="swatch" style={{ background: cssColor(e.rgb, 0.85) }} />
            {e.labelKey && <span className="legend-label">{t(e.labelKey)}</span>}
            {e.range && (
              <span className="legend-range">
                {e.range[1] === null
                  ? `> ${num(e.range[0], digits)}`
                  : `${num(e.range[0], digits)}–${num(e.range[1], digits)}`}
              </span>
            )}
          </li>
        ))}
        {scale.kind !== 'none' && (
          <li className="legend-wide">
            <span className="swatch" style={{ background: cssColor(NO_DATA_RGB, 0.85) }} />
            <span className="legend-label">{t('mapLegend.noData')}</span>
          </li>
        )}
      </ul>
      <ul className="legend-row scene-legend-overlays">
        {has('devices') && (
          <>
            <li>
              <span className="dot" style={{ background: cssColor(OTHER_DEVICE_RGB) }} />
              {t('mapLegend.deviceOther')}
            </li>
            <li>
              <span className="dot" style={{ background: cssColor(OFFLINE_DEVICE_RGB) }} />
              {t('mapLegend.deviceOffline')}
            </li>
          </>
        )}
        {alarmLevels && (
          <li data-testid="legend-alarm-levels">
            {ALARM_LEVEL_RGB.map((rgb, i) => (
              <span key={i} className="dot" style={{ background: cssColor(rgb) }} />
            ))}
            {t('mapLegend.alarmLevels')}
          </li>
        )}
        {has('vessels') && (
          <li>
            <span className="dot" style={{ background: cssColor([255, 214, 102]) }} />
            {t('mapLegend.vessel')}
          </li>
        )}
        {has('alerts') && (
          <li data-testid="legend-alert">
            {/* The map colours each alert by its severity: the legend shows the same three. */}
            {(['critical', 'warning', 'info'] as const).map((s) => (
              <span
                key={s}
                className="dot dot-pulse"
                data-severity={s}
                style={{ background: cssColor(SEVERITY_RGB[s]) }}
              />
            ))}
            {t('mapLegend.alert')}
          </li>
        )}
        {has('citizen') && (
          <>
            {AGE_CLASSES.map((c, i) => (
              <li key={`age-${String(i)}`} data-testid="legend-citizen">
                <span className="dot" style={{ background: cssColor(c.rgb) }} />
                {t(CITIZEN_AGE_KEYS[i] ?? 'citizenStaff.legend.age3')}
              </li>
            ))}
            <li data-testid="legend-citizen">
              <span className="dot" style={{ background: cssColor(OVERDUE_RGB) }} />
              {t('citizenStaff.legend.overdue')}
            </li>
          </>
        )}
        {has('cameras') &&
          CAMERA_KINDS.map((k) => (
            <li key={`camera-${k}`} data-testid="legend-camera">
              <span className="dot" style={{ background: cssColor(CAMERA_KIND_RGB[k]) }} />
              {t(`camera.kind.${k}`)}
            </li>
          ))}
        {has('heatmap') && <li>{t('mapLegend.heatmap')}</li>}
        {has('hexagon') && <li>{t('mapLegend.hexagon')}</li>}
      </ul>
    </section>
  );
}
