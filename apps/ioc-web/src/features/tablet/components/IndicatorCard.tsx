import type { MessageKey } from '../../../shared/i18n/translate';
import { formatDate } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import type { TabletIndicator, TabletScorecard } from '../model/api';
import { Sparkline } from './Sparkline';
import { STATUS_KEYS, formatPeriod, formatTarget, formatValue, shortTitle } from './format';

const TREND_KEYS: Record<string, MessageKey> = {
  improving: 'tablet.trend.improving',
  worsening: 'tablet.trend.worsening',
  stable: 'tablet.trend.stable',
};

/** One indicator: value, this year's target, status colour, sparkline, source and date. */
export function IndicatorCard({
  item,
  scorecard,
  large = false,
  kicker,
}: {
  item: TabletIndicator;
  scorecard: TabletScorecard;
  large?: boolean;
  /** Small heading above the name (the highlight group). */
  kicker?: string;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const name = (lang === 'en' && item.nameEn) || item.nameVi || item.code;
  const exp = item.expectation;
  const ref = exp?.expected.value ?? exp?.expected.min ?? null;
  const trendText = t(
    item.trendDirection === null
      ? 'tablet.trend.none'
      : (TREND_KEYS[item.trendDirection] ?? 'tablet.trend.none'),
  );
  const planSource = exp?.source ? scorecard.sources[exp.source] : undefined;
  const planTitle = planSource
    ? shortTitle((lang === 'en' && planSource.titleEn) || planSource.titleVi)
    : null;
  return (
    <article
      className={`tablet-indicator status-${item.status}${large ? ' is-large' : ''}`}
      data-testid="indicator"
      data-code={item.code}
      data-status={item.status}
    >
      <header className="tablet-indicator-head">
        <div className="tablet-indicator-title">
          {kicker !== undefined && <p className="tablet-indicator-kicker">{kicker}</p>}
          <h3 className="tablet-indicator-name">{name}</h3>
        </div>
        <span className="tablet-status-chip" data-testid="indicator-status">
          {t(STATUS_KEYS[item.status])}
        </span>
      </header>
      <div className="tablet-indicator-body">
        <div className="tablet-indicator-figures">
          <p
            className="tablet-indicator-value"
            data-testid="indicator-value"
            data-value={item.value ?? ''}
          >
            {item.value === null
              ? t('tablet.value.missing')
              : formatValue(item.value, item.unit, i18n)}
          </p>
          {item.period !== null && (
            <p className="tablet-indicator-period">
              {formatPeriod(item.period, i18n)}
              {item.used === 'rolled_up' ? ` · ${t('tablet.used.rolledUp')}` : ''}
            </p>
          )}
          <p className="tablet-indicator-target" data-testid="indicator-target">
            {formatTarget(item, scorecard.year, i18n)}
          </p>
        </div>
        {item.trend.length >= 2 && (
          <figure className="tablet-indicator-trend">
            <Sparkline
              values={item.trend.map((p) => p.value)}
              reference={ref}
              label={`${t('tablet.trend.label')}: ${trendText}`}
            />
            <figcaption>{trendText}</figcaption>
          </figure>
        )}
      </div>
      <footer className="tablet-indicator-source">
        <p>
          {item.report
            ? t('tablet.source.report', {
                feed: item.report.feed,
                period: formatPeriod(item.report.period, i18n),
                date: formatDate(new Date(item.report.submittedAt)),
              })
            : t('tablet.source.none')}
        </p>
        {planTitle && (
          <p className="tablet-indicator-plan">{t('tablet.source.plan', { title: planTitle })}</p>
        )}
      </footer>
    </article>
  );
}
