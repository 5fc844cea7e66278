import { formatTimeDate } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';

export interface DataFreshnessProps {
  asOf: string | null;
  stale: boolean;
}

/** "Số liệu lúc HH:mm:ss dd/MM/yyyy" and, when the feed is not live, the stale badge. */
export function DataFreshness({ asOf, stale }: DataFreshnessProps) {
  const { t } = useI18n();
  const date = asOf === null ? null : new Date(asOf);
  const valid = date !== null && !Number.isNaN(date.getTime());
  return (
    <div className="freshness">
      <span className="as-of" data-testid="data-as-of" data-as-of={valid ? date.toISOString() : ''}>
        {valid ? t('wall.asOf', { time: formatTimeDate(date) }) : t('wall.asOfNone')}
      </span>
      <span className="stale-slot" aria-live="polite">
        {stale && (
          <span className="stale-badge" data-testid="stale-badge">
            {t('wall.stale')}
          </span>
        )}
      </span>
    </div>
  );
}
