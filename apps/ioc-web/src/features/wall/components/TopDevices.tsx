import { formatTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import type { DeviceState } from '../../../shared/live/deviceStore';
import { cssColor, pm25Color } from '../../../shared/map/colorScale';

export interface TopDevicesProps {
  devices: readonly DeviceState[];
  unitName: (code: string | null) => string;
}

/** Highest latest PM2.5 readings, with ward, device and reading time. */
export function TopDevices({ devices, unitName }: TopDevicesProps) {
  const { t, num } = useI18n();
  return (
    <section className="panel-card top">
      <h2 className="panel-heading">{t('panel.topPm25')}</h2>
      {devices.length === 0 ? (
        <p className="muted">{t('panel.noReadings')}</p>
      ) : (
        <ol className="top-list" data-testid="top-devices">
          {devices.map((d, i) => {
            const v = d.latest.get('pm25');
            if (!v) return null;
            return (
              <li key={d.id} data-device-id={d.id} data-metric="pm25" data-value={v.value}>
                <span className="top-rank">{i + 1}</span>
                <span className="chip" style={{ background: cssColor(pm25Color(v.value)) }} />
                <span className="top-main">
                  <span className="top-ward">{unitName(d.unitCode)}</span>
                  <span className="top-device">
                    {d.id} · {formatTime(new Date(v.time))}
                  </span>
                </span>
                <span className="top-value">
                  {num(v.value, 1, true)}
                  <small>µg/m³</small>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
