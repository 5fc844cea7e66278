import type { ReactNode } from 'react';
import { formatDateTime } from '../../../shared/i18n/format';
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

/** A side-panel card: heading, body, and the "Số liệu lúc …" line of its own source. */
export function PanelCard({ name, title, asOf, stale, className, children }: PanelCardProps) {
  return (
    <section
      className={`panel-card panel-${name}${className ? ` ${className}` : ''}`}
      data-testid="panel"
      data-panel={name}
      data-stale={stale ? 'true' : 'false'}
    >
      <h2 className="panel-heading" title={title}>
        {title}
      </h2>
      <div className="panel-body">{children}</div>
      <PanelFreshness asOf={asOf} stale={stale} />
    </section>
  );
}

export function PanelFreshness({ asOf, stale }: { asOf: string | null; stale: boolean }) {
  const { t } = useI18n();
  const date = asOf === null ? null : new Date(asOf);
  const valid = date !== null && !Number.isNaN(date.getTime());
  return (
    <p className="panel-freshness">
      <span
        className="panel-as-of"
        data-testid="panel-as-of"
        data-as-of={valid ? date.toISOString() : ''}
      >
        {valid ? t('wall.asOf', { time: formatDateTime(date) }) : t('wall.asOfNone')}
      </span>
      {stale && (
        <span className="stale-badge" data-testid="stale-badge">
          {t('wall.stale')}
        </span>
      )}
    </p>
  );
}
