import { Suspense, lazy } from 'react';
import { useI18n } from '../i18n/useI18n';
import type { HistoryViewProps } from './HistoryView';

// Its own chunk: the chart, the alert timelines and their styles load when someone opens a
// history, not with the tablet's or the wall's first screen.
const HistoryView = lazy(() => import('./HistoryView'));

/** The history view, fetched on first use. */
export function LazyHistoryView(props: HistoryViewProps) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p className="history-loading">{t('app.loading')}</p>}>
      <HistoryView {...props} />
    </Suspense>
  );
}
