import { useI18n } from '../../../shared/i18n/useI18n';

export interface FleetSummaryProps {
  /** Units the wall covers; null on a ward's own wall (it covers one). */
  unitCount: number | null;
  online: number;
  total: number;
}

export function FleetSummary({ unitCount, online, total }: FleetSummaryProps) {
  const { t, num } = useI18n();
  return (
    <section className="panel-card fleet">
      {unitCount !== null && (
        <div className="stat">
          <span className="stat-label">{t('panel.units')}</span>
          <span className="stat-value" data-testid="unit-count">
            {num(unitCount, 0)}
          </span>
        </div>
      )}
      <div className="stat">
        <span className="stat-label">{t('panel.devicesOnline')}</span>
        <span className="stat-value">
          <span data-testid="devices-online">{num(online, 0)}</span>
          <span className="stat-total" data-testid="devices-total">
            {t('panel.outOf', { total: num(total, 0) })}
          </span>
        </span>
      </div>
    </section>
  );
}
