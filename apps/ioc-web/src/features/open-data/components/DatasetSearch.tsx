import { useId } from 'react';
import { useI18n } from '../../../shared/i18n/useI18n';

/** The search box, with a live count so a screen reader hears how many datasets are left. */
export function DatasetSearch({
  query,
  onQuery,
  shown,
  total,
}: {
  query: string;
  onQuery: (query: string) => void;
  shown: number;
  total: number;
}) {
  const { t } = useI18n();
  const id = useId();
  const q = query.trim();
  return (
    <div className="open-data-search" role="search">
      <label htmlFor={id}>{t('openData.search.label')}</label>
      <input
        id={id}
        type="search"
        value={query}
        autoComplete="off"
        placeholder={t('openData.search.placeholder')}
        data-testid="dataset-search"
        onChange={(e) => {
          onQuery(e.target.value);
        }}
      />
      <p className="open-data-muted" aria-live="polite" data-testid="dataset-count">
        {q === ''
          ? t('openData.search.count', { n: total })
          : t('openData.search.countOf', { n: shown, total, query: q })}
      </p>
    </div>
  );
}
