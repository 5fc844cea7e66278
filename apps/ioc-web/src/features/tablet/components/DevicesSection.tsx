import type { DeviceView } from '@ioc/contracts';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useMetrics } from '../../../shared/metrics/useMetrics';
import { navigate } from '../../../shared/ui/usePathname';
import { historyPath, type TabletHistory } from '../model/history';
import { deviceOnline, sortDevices } from '../model/model';
import { kindKey } from './format';

/** A link to a history page, a 48 px target like every tablet control. */
function HistoryLink({ to, label, testId }: { to: TabletHistory; label: string; testId: string }) {
  const href = historyPath(to);
  return (
    <a
      href={href}
      className="tablet-button is-outline tablet-history-link"
      data-testid={testId}
      onClick={(e) => {
        e.preventDefault();
        navigate(href);
      }}
    >
      {label}
    </a>
  );
}

/** The unit's devices with their latest values, offline ones first; each opens its history. */
export function DevicesSection({
  devices,
  now,
  unitCode,
}: {
  devices: readonly DeviceView[];
  now: number;
  unitCode: string;
}) {
  const { t } = useI18n();
  const metrics = useMetrics();
  const sorted = sortDevices(devices, now);
  const online = sorted.filter((d) => deviceOnline(d, now)).length;
  return (
    <section
      className="tablet-section"
      aria-labelledby="tablet-devices-title"
      data-testid="devices"
    >
      <h2 id="tablet-devices-title">{t('tablet.section.devices')}</h2>
      {sorted.length === 0 ? (
        <p className="tablet-empty">{t('tablet.devices.none')}</p>
      ) : (
        <>
          <p className="tablet-meta" data-testid="devices-summary">
            {t('tablet.devices.summary', { online, total: sorted.length })}
          </p>
          <HistoryLink
            to={{ kind: 'ward', code: unitCode }}
            label={t('history.openWard')}
            testId="ward-history-open"
          />
          <ul className="tablet-devices">
            {sorted.map((d) => {
              const isOnline = deviceOnline(d, now);
              // Never heard: an installation to finish, not a lost signal.
              const state = isOnline ? 'online' : d.lastSeen === null ? 'never' : 'offline';
              const values = Object.entries(d.latest).sort(([a], [b]) =>
                metrics.name(a).localeCompare(metrics.name(b)),
              );
              return (
                <li
                  key={d.id}
                  className={`tablet-device is-${state}`}
                  data-testid="device"
                  data-device-id={d.id}
                  data-online={isOnline}
                  data-state={state}
                >
                  <div className="tablet-device-head">
                    <span className="tablet-device-kind">{t(kindKey(d.kind))}</span>
                    <span className="tablet-device-state">
                      <span className="tablet-dot" aria-hidden="true" />
                      {t(`tablet.device.${state}`)}
                    </span>
                  </div>
                  <p className="tablet-device-id">{d.id}</p>
                  {values.length === 0 ? (
                    <p className="tablet-meta">{t('tablet.device.noValues')}</p>
                  ) : (
                    <dl className="tablet-device-values" aria-busy={!metrics.ready}>
                      {values.map(([metric, v]) => {
                        // Over a national limit: said in words and colour, with the basis on hover.
                        const over = metrics.overLimit(metric, v.value);
                        return (
                          <div
                            key={metric}
                            className={over ? 'is-over' : undefined}
                            data-metric={metric}
                            data-value={v.value}
                            title={metrics.limitText(metric) ?? undefined}
                          >
                            <dt>{metrics.name(metric)}</dt>
                            <dd>
                              {metrics.value(metric, v.value)}
                              {over ? (
                                <span className="tablet-over">{t('metric.overLimit')}</span>
                              ) : null}
                            </dd>
                          </div>
                        );
                      })}
                    </dl>
                  )}
                  <p className="tablet-meta">
                    {d.lastSeen === null
                      ? t('tablet.device.neverSeen')
                      : t('tablet.device.lastSeen', { time: formatDateTime(new Date(d.lastSeen)) })}
                  </p>
                  {values.length > 0 && (
                    <HistoryLink
                      to={{ kind: 'device', id: d.id }}
                      label={t('history.open')}
                      testId="device-history-open"
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
