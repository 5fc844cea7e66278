import type { FleetDevice } from '@ioc/contracts';
import type { Fleet } from '../../../shared/api/schemas';
import { useI18n } from '../../../shared/i18n/useI18n';
import { PanelCard } from './PanelCard';
import { deviceKindKey } from '../../../shared/ui/deviceKind';

/** Below this battery charge (%) a device is listed as needing a visit. */
export const LOW_BATTERY_PCT = 20;

export interface FleetHealthPanelProps {
  fleet: Fleet | null;
  asOf: string | null;
  stale: boolean;
  /** Per-kind rows shown (fleet scene: all kinds; overview: the totals only). */
  kindRows: number;
}

export function lowBatteryByKind(devices: readonly FleetDevice[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of devices) {
    const b = d.health['battery']?.value;
    if (b !== undefined && b < LOW_BATTERY_PCT) out.set(d.kind, (out.get(d.kind) ?? 0) + 1);
  }
  return out;
}

/** Online / late / offline / never-heard devices and low batteries, in total and per kind. */
export function FleetHealthPanel({ fleet, asOf, stale, kindRows }: FleetHealthPanelProps) {
  const { t, num } = useI18n();
  const low = fleet ? lowBatteryByKind(fleet.devices) : new Map<string, number>();
  const lowTotal = [...low.values()].reduce((a, b) => a + b, 0);
  const kinds = fleet ? [...fleet.byKind].sort((a, b) => b.total - a.total).slice(0, kindRows) : [];
  const kindName = (k: string) => {
    const key = deviceKindKey(k);
    return key === null ? k : t(key);
  };
  return (
    <PanelCard name="fleet" title={t('fleet.title')} asOf={asOf} stale={stale}>
      {!fleet ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <ul className="fleet-totals">
            <li className="fleet-online">
              <span className="fleet-n" data-testid="fleet-online">
                {num(fleet.summary.online, 0)}
              </span>
              <span className="fleet-label" title={t('fleet.online')}>
                {t('fleet.online')}
              </span>
            </li>
            <li className="fleet-late">
              <span className="fleet-n">{num(fleet.summary.late, 0)}</span>
              <span className="fleet-label" title={t('fleet.late')}>
                {t('fleet.late')}
              </span>
            </li>
            <li className="fleet-offline">
              <span className="fleet-n" data-testid="fleet-offline">
                {num(fleet.summary.offline, 0)}
              </span>
              <span className="fleet-label" title={t('fleet.offline')}>
                {t('fleet.offline')}
              </span>
            </li>
            <li className="fleet-battery">
              <span className="fleet-n">{num(lowTotal, 0)}</span>
              <span className="fleet-label" title={t('fleet.lowBattery')}>
                {t('fleet.lowBattery')}
              </span>
            </li>
            {fleet.summary.never > 0 && (
              // Registered but never heard: an installation to finish, not a lost signal.
              <li className="fleet-never" data-testid="fleet-never">
                <span className="fleet-n">{num(fleet.summary.never, 0)}</span>
                <span className="fleet-label" title={t('fleet.never')}>
                  {t('fleet.never')}
                </span>
              </li>
            )}
          </ul>
          {kinds.length > 0 && (
            <table className="fleet-kinds">
              <thead>
                <tr>
                  <th title={t('fleet.kind')}>{t('fleet.kind')}</th>
                  <th title={t('fleet.online')}>{t('fleet.online')}</th>
                  <th title={t('fleet.offline')}>{t('fleet.offline')}</th>
                  <th title={t('fleet.lowBatteryShort')}>{t('fleet.lowBatteryShort')}</th>
                </tr>
              </thead>
              <tbody>
                {kinds.map((k) => (
                  <tr key={k.key} data-kind={k.key}>
                    <td title={kindName(k.key)}>{kindName(k.key)}</td>
                    <td>{num(k.online + k.late, 0)}</td>
                    <td>{num(k.offline, 0)}</td>
                    <td>{num(low.get(k.key) ?? 0, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </PanelCard>
  );
}
