import type { DeviceView } from '@ioc/contracts';
import { LazyHistoryView } from '../../../shared/history/LazyHistoryView';
import { useI18n } from '../../../shared/i18n/useI18n';
import { navigate } from '../../../shared/ui/usePathname';
import { wardMetrics, type TabletHistory } from '../model/history';

export interface HistoryPageProps {
  history: TabletHistory;
  unit: { code: string; name: string };
  devices: readonly DeviceView[];
}

/** `/tablet/history/…` — a device's or the ward's charts and past alerts, with a way back. */
export function HistoryPage({ history, unit, devices }: HistoryPageProps) {
  const { t } = useI18n();
  const device = history.kind === 'device' ? devices.find((d) => d.id === history.id) : undefined;
  return (
    <section className="tablet-section" data-testid="tablet-history">
      <a
        href="/tablet"
        className="tablet-button is-outline task-back"
        data-testid="history-back"
        onClick={(e) => {
          e.preventDefault();
          navigate('/tablet');
        }}
      >
        {t('history.back')}
      </a>
      {history.kind === 'device' ? (
        <LazyHistoryView
          key={history.id}
          variant="tablet"
          target={history}
          name={device?.name ?? history.id}
          metrics={device ? Object.keys(device.latest) : []}
          alarmLevels={device?.alarmLevels ?? null}
        />
      ) : (
        <LazyHistoryView
          key={history.code}
          variant="tablet"
          target={history}
          name={history.code === unit.code ? unit.name : history.code}
          metrics={wardMetrics(devices)}
        />
      )}
    </section>
  );
}
