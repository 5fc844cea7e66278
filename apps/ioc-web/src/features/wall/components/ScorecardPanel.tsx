import type { IndicatorStatus } from '@ioc/contracts';
import type { Scorecard, ScorecardLine, TargetRule } from '../../../shared/api/schemas';
import { formatDate } from '../../../shared/i18n/format';
import { useI18n, type I18n } from '../../../shared/i18n/useI18n';
import { PanelCard } from './PanelCard';
import { Sparkline } from './Sparkline';

export interface ScorecardPanelProps {
  scorecard: Scorecard | null;
  asOf: string | null;
  stale: boolean;
  /** Fixed number of indicator rows. */
  rows: number;
  /** Show the status counts above the rows (overview). */
  withSummary: boolean;
}

const ORDER: Record<IndicatorStatus, number> = {
  off_track: 0,
  at_risk: 1,
  on_track: 2,
  no_target: 3,
  no_data: 4,
};

const SUMMARY: readonly IndicatorStatus[] = ['on_track', 'at_risk', 'off_track', 'no_data'];

/** The lines worth a wall's space: those with data, the ones needing attention first. */
export function rankLines(items: readonly ScorecardLine[]): ScorecardLine[] {
  return [...items]
    .filter((i) => i.value?.value !== null && i.value !== null)
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.indicator.localeCompare(b.indicator));
}

/** Resolution 57 indicators: value, this year's target, status colour, trend, source and date. */
export function ScorecardPanel({ scorecard, asOf, stale, rows, withSummary }: ScorecardPanelProps) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const lines = scorecard ? rankLines(scorecard.items).slice(0, rows) : [];
  return (
    <PanelCard
      name="scorecard"
      title={t('score.title', { year: scorecard ? String(scorecard.year) : '' })}
      asOf={asOf}
      stale={stale}
    >
      {withSummary && scorecard && (
        <ul className="score-summary">
          {SUMMARY.map((s) => (
            <li key={s} className={`status-${s}`} data-status={s}>
              <span className="score-summary-n">{num(scorecard.summary[s] ?? 0, 0)}</span>
              <span className="score-summary-label" title={t(`score.status.${s}`)}>
                {t(`score.status.${s}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {lines.length === 0 ? (
        <p className="muted">{scorecard ? t('score.none') : t('app.loading')}</p>
      ) : (
        <ol className="score-list" data-testid="score-list">
          {lines.map((line) => (
            <ScoreRow key={line.indicator} line={line} i18n={i18n} />
          ))}
        </ol>
      )}
    </PanelCard>
  );
}

function uomOf(unit: string): string {
  return unit === 'percent' ? '%' : '';
}

function targetText(rule: TargetRule | null, unit: string, i18n: I18n): string | null {
  if (!rule) return null;
  const u = uomOf(unit);
  const f = (v: number) => `${i18n.num(v, 1)}${u}`;
  if (rule.op === 'between' && rule.min !== undefined && rule.max !== undefined)
    return `${f(rule.min)}–${f(rule.max)}`;
  if (rule.value === undefined) return null;
  const op = rule.op === '>=' ? '≥' : rule.op === '<=' ? '≤' : rule.op;
  return `${op} ${f(rule.value)}`;
}

function ScoreRow({ line, i18n }: { line: ScorecardLine; i18n: I18n }) {
  const { t, num, lang } = i18n;
  const name = lang === 'en' && line.nameEn ? line.nameEn : line.nameVi;
  const value = line.value?.value ?? null;
  const target = targetText(line.evaluations[0]?.expected ?? null, line.unit, i18n);
  const report = line.latestReport;
  const source = report
    ? t('score.source', { source: report.feed, date: formatDate(new Date(report.submittedAt)) })
    : '';
  return (
    <li className={`score-row status-${line.status}`} data-indicator={line.indicator}>
      <span className="score-dot" title={t(`score.status.${line.status}`)} />
      <span className="score-name" title={name}>
        {name}
      </span>
      <span className="score-value">
        {value === null ? '—' : `${num(value, 1)}${uomOf(line.unit)}`}
      </span>
      <span className="score-meta" title={source}>
        {source}
      </span>
      <Sparkline values={line.trend.points.map((p) => p.value)} label={t('score.trend')} />
      <span className="score-target" title={target ?? ''}>
        {target === null ? t('score.noTarget') : t('score.target', { target })}
      </span>
    </li>
  );
}
