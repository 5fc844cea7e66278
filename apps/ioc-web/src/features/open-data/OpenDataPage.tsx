import { CATALOG_PATH } from './model/api';
import './open-data.css';
import { useEffect, useMemo, useState } from 'react';
import { datasetKinds, type Dataset } from '@ioc/contracts';
import { LanguageToggle } from '../../shared/ui/LanguageToggle';
import { errorText } from '../../shared/ui/errorText';
import { useI18n } from '../../shared/i18n/useI18n';
import { DatasetCard } from './components/DatasetCard';
import { DatasetSearch } from './components/DatasetSearch';
import { SensorThingsSection } from './components/SensorThingsSection';
import { useDatasets } from './hooks/useDatasets';
import { KIND_KEYS } from './model/labels';
import { matchDatasets } from './model/search';

/** The light, page-scrolling theme while this page is open (the wall's dark theme is the default). */
function useLightTheme(): void {
  useEffect(() => {
    const html = document.documentElement;
    html.classList.add('open-data-mode');
    return () => {
      html.classList.remove('open-data-mode');
    };
  }, []);
}

/**
 * /du-lieu-mo — the open-data portal (issue 17): every published dataset with its licence,
 * freshness and downloads, and how to query sensor data over SensorThings. No account and no
 * session: nothing here reads or sends a sign-in.
 */
export default function OpenDataPage() {
  const { t, lang } = useI18n();
  const state = useDatasets();
  const [query, setQuery] = useState('');
  useLightTheme();

  useEffect(() => {
    document.title = `${t('openData.title')} — ${t('app.title')}`;
  }, [t]);

  const datasets = state.phase === 'ready' ? state.data.datasets : [];
  const shown = useMemo(() => matchDatasets(datasets, query), [datasets, query]);

  let body;
  if (state.phase === 'loading') {
    body = (
      <p className="open-data-muted" aria-busy="true" data-state="loading">
        {t('app.loading')}
      </p>
    );
  } else if (state.phase === 'failed') {
    body = (
      <div className="open-data-problem" role="alert" data-testid="open-data-error">
        <p>{t('openData.loadFailed', { reason: errorText(t, state.error) })}</p>
        <button type="button" onClick={state.reload}>
          {t('openData.retry')}
        </button>
      </div>
    );
  } else {
    const { publisher, sensorThings } = state.data;
    body = (
      <>
        <p className="open-data-muted" data-testid="open-data-publisher">
          {t('openData.publisher', {
            name: lang === 'vi' ? publisher.nameVi : publisher.nameEn,
          })}
        </p>
        <DatasetSearch
          query={query}
          onQuery={setQuery}
          shown={shown.length}
          total={datasets.length}
        />
        <DatasetGroups datasets={shown} total={datasets.length} query={query.trim()} />
        <p className="open-data-muted">{t('openData.csvHint')}</p>
        <p className="open-data-muted">
          {t('openData.catalog')}:{' '}
          <a href={CATALOG_PATH} data-testid="open-data-catalog">
            <code>{CATALOG_PATH}</code>
          </a>
        </p>
        <SensorThingsSection root={sensorThings} />
      </>
    );
  }

  return (
    <div className="open-data" data-testid="open-data-page">
      <header className="open-data-header">
        <p className="open-data-brand">{t('app.title')}</p>
        <LanguageToggle />
      </header>
      <main className="open-data-main">
        <h1>{t('openData.title')}</h1>
        <p className="open-data-lead">{t('openData.lead')}</p>
        {body}
      </main>
    </div>
  );
}

/** The matching datasets under one heading per kind (indicators, sensor rollups, boundaries). */
function DatasetGroups({
  datasets,
  total,
  query,
}: {
  datasets: readonly Dataset[];
  total: number;
  query: string;
}) {
  const { t } = useI18n();
  if (total === 0) return <p data-testid="open-data-empty">{t('openData.empty')}</p>;
  if (datasets.length === 0)
    return <p data-testid="open-data-no-match">{t('openData.search.none', { query })}</p>;
  return (
    <>
      {datasetKinds.map((kind) => {
        const group = datasets.filter((d) => d.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`kind-${kind}`} data-kind={kind}>
            <h2 id={`kind-${kind}`}>{t(KIND_KEYS[kind])}</h2>
            <div className="open-data-list">
              {group.map((d) => (
                <DatasetCard key={d.id} dataset={d} />
              ))}
            </div>
          </section>
        );
      })}
    </>
  );
}
