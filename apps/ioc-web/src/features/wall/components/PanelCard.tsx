import type { ReactNode } from 'react';
import { formatDate, formatDateTime, formatTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';

export interface PanelCardProps {
  /** Stable name for tests and styling (`data-panel`). */
  name: string;
  title: string;
  /** The source's own "as of" (ISO); every card shows the time of ITS data. */
  asOf: string | null;
  stale: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * A side-panel card: heading with the time of its own source's data beside it (a line of its
 * own would cost every card a row of the column), then the body.
 */
export function PanelCard({ name, title, asOf, stale, className, children }: PanelCardProps) {
  return (
    <section
      className={`panel-card panel-${name}${className ? ` ${className}` : ''}`}
      data-testid="panel"
      data-panel={name}
      data-stale={stale ? 'true' : 'false'}
    >
      <header className="panel-head">
        <h2 className="panel-heading" title={title}>
          {title}
        </h2>
        <PanelFreshness asOf={asOf} stale={stale} />
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

/** The time of the data, "21:02" (with the date when not today); the full wording on hover. */
export function PanelFreshness({ asOf, stale }: { asOf: string | null; stale: boolean }) {
  const { t } = useI18n();
  const date = asOf === null ? null : new Date(asOf);
  const valid = date !== null && !Number.isNaN(date.getTime());
  const full = valid ? t('wall.asOf', { time: formatDateTime(date) }) : t('wall.asOfNone');
  const today = valid && formatDate(date) === formatDate(new Date());
  const short = !valid
    ? '—'
    : today
      ? formatTime(date, false)
      : `${formatDate(date).slice(0, 5)} ${formatTime(date, false)}`;
  return (
    <p className="panel-freshness" title={full}>
      <span
        className="panel-as-of"
        data-testid="panel-as-of"
        data-as-of={valid ? date.toISOString() : ''}
        aria-label={full}
      >
        {short}
      </span>
      {stale && (
        <span className="stale-badge" data-testid="stale-badge">
          {t('wall.stale')}
        </span>
      )}
    </p>
  );
}
