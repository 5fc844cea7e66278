import { useMemo, useState } from 'react';
import { useI18n } from '../../../shared/i18n/useI18n';
import { STATUSES, type IndicatorStatus, type TabletScorecard } from '../model/api';
import { countByStatus, sortIndicators } from '../model/model';
import { IndicatorCard } from './IndicatorCard';
import { STATUS_KEYS } from './format';

/** The Resolution 57 scorecard of the year, worst first, with a status filter. */
export function ScorecardSection({ scorecard }: { scorecard: TabletScorecard }) {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<IndicatorStatus | 'all'>('all');
  const counts = useMemo(() => countByStatus(scorecard.items), [scorecard.items]);
  const sorted = useMemo(
    () => sortIndicators(scorecard.items, (i) => (lang === 'en' && i.nameEn) || i.nameVi || i.code),
    [scorecard.items, lang],
  );
  const shown = filter === 'all' ? sorted : sorted.filter((i) => i.status === filter);
  // Unreported indicators are many early in a plan: folded away unless asked for, so the
  // figures that exist are not buried.
  const main = filter === 'all' ? shown.filter((i) => i.status !== 'no_data') : shown;
  const noData = filter === 'all' ? shown.filter((i) => i.status === 'no_data') : [];
  return (
    <section
      className="tablet-section"
      aria-labelledby="tablet-scorecard-title"
      data-testid="scorecard"
    >
      <h2 id="tablet-scorecard-title">{t('tablet.section.scorecard', { year: scorecard.year })}</h2>
      <div className="tablet-filters" role="group" aria-label={t('tablet.filter.label')}>
        <button
          type="button"
          className="tablet-filter"
          aria-pressed={filter === 'all'}
          onClick={() => {
            setFilter('all');
          }}
        >
          {t('tablet.filter.all')} <span className="tablet-count">{scorecard.items.length}</span>
        </button>
        {STATUSES.filter((s) => (counts[s] ?? 0) > 0).map((s) => (
          <button
            key={s}
            type="button"
            className={`tablet-filter status-${s}`}
            aria-pressed={filter === s}
            data-testid={`filter-${s}`}
            onClick={() => {
              setFilter(s);
            }}
          >
            <span className="tablet-dot" aria-hidden="true" />
            {t(STATUS_KEYS[s])} <span className="tablet-count">{counts[s]}</span>
          </button>
        ))}
      </div>
      <div className="tablet-grid">
        {main.map((item) => (
          <IndicatorCard key={item.code} item={item} scorecard={scorecard} />
        ))}
      </div>
      {noData.length > 0 && (
        <details className="tablet-nodata" data-testid="scorecard-no-data">
          <summary>{t('tablet.noData.summary', { n: noData.length })}</summary>
          <div className="tablet-grid">
            {noData.map((item) => (
              <IndicatorCard key={item.code} item={item} scorecard={scorecard} />
            ))}
          </div>
        </details>
      )}
    </section>
  );
}
