import type { UnitSummary } from '@ioc/contracts';
import { useI18n } from '../../../shared/i18n/useI18n';
import type { TabletPhase } from '../hooks/useTabletData';
import { LanguageToggle } from '../../../shared/ui/LanguageToggle';
import { formatAge, formatStamp } from './format';

export interface TabletHeaderProps {
  unitName: string | null;
  choices: UnitSummary[] | null;
  selected: string | null;
  onSelect: (code: string) => void;
  phase: TabletPhase;
  fromSnapshot: boolean;
  savedAt: number | null;
  refreshing: boolean;
  now: number;
  onRefresh: () => void;
  onSignOut: () => void;
}

/** Unit name and picker, data freshness (offline badge with the snapshot's age), actions. */
export function TabletHeader(p: TabletHeaderProps) {
  const i18n = useI18n();
  const { t } = i18n;
  let badge: { text: string; kind: 'offline' | 'snapshot' | 'live' } | null = null;
  if (p.savedAt !== null) {
    const params = { time: formatStamp(p.savedAt), age: formatAge(p.savedAt, p.now, i18n) };
    if (p.phase === 'offline') badge = { text: t('tablet.offline.badge', params), kind: 'offline' };
    else if (p.fromSnapshot) badge = { text: t('tablet.snapshot.badge', params), kind: 'snapshot' };
    else badge = { text: t('tablet.updatedAt', { time: params.time }), kind: 'live' };
  } else if (p.phase === 'offline') {
    badge = { text: t('tablet.offline.noData'), kind: 'offline' };
  }
  return (
    <header className="tablet-header">
      <div className="tablet-header-main">
        <p className="tablet-kicker">{t('app.title')}</p>
        <h1 data-testid="unit-name">{p.unitName ?? t('tablet.title')}</h1>
        {p.choices !== null && p.choices.length > 1 && (
          <label className="tablet-picker">
            <span className="sr-only">{t('tablet.unitPicker')}</span>
            <select
              data-testid="unit-picker"
              aria-label={t('tablet.unitPicker')}
              value={p.selected ?? ''}
              onChange={(e) => {
                p.onSelect(e.target.value);
              }}
            >
              {p.choices.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="tablet-header-side">
        {/* The badge's line is kept while there is none yet (loading): the page below does
            not move down when the first load brings it. */}
        {badge ? (
          <p
            className={`tablet-badge is-${badge.kind}`}
            data-testid={badge.kind === 'offline' ? 'offline-badge' : 'freshness'}
            role={badge.kind === 'offline' ? 'status' : undefined}
          >
            {badge.text}
          </p>
        ) : (
          <p className="tablet-badge is-pending" aria-hidden="true" />
        )}
        <div className="tablet-actions">
          <button
            type="button"
            className="tablet-button"
            onClick={p.onRefresh}
            disabled={p.refreshing}
            data-testid="refresh"
          >
            {/* Both labels take the same cell, one hidden: the button keeps the wider one's
                width, so the row of actions never wraps differently while it loads. */}
            <span className="tablet-swap">
              <span className={p.refreshing ? undefined : 'is-hidden'}>
                {t('tablet.refreshing')}
              </span>
              <span className={p.refreshing ? 'is-hidden' : undefined}>{t('tablet.refresh')}</span>
            </span>
          </button>
          <LanguageToggle />
          <button type="button" className="tablet-button is-quiet" onClick={p.onSignOut}>
            {t('tablet.signOut')}
          </button>
        </div>
      </div>
    </header>
  );
}
