import type { CitizenList, CitizenStats } from '../../../shared/api/citizen';
import { ageClass } from '../../../shared/citizen/ageColors';
import { ageHours, isCitizenStatus } from '../../../shared/citizen/caseModel';
import { ageText } from '../../../shared/citizen/timeText';
import { useI18n } from '../../../shared/i18n/useI18n';
import {
  oldestFirst,
  rankWards,
  type BoardCase,
  type RankedWard,
  type WardFigures,
} from '../model/citizenBoard';
import { PanelCard } from './PanelCard';

export interface CitizenPanelsProps {
  list: CitizenList | null;
  /** The open cases with the pushes since the last list applied. */
  open: readonly BoardCase[];
  stats: CitizenStats | null;
  listAsOf: string | null;
  listStale: boolean;
  statsAsOf: string | null;
  statsStale: boolean;
  now: number;
  /** Fixed row counts, so the column never overflows (see ScenePanels). */
  queueRows: number;
  rankRows: number;
}

/**
 * The citizen-reports scene: the queue (oldest open first) with the open and overdue counts,
 * and the wards ranked by on-time handling with residents' satisfaction beside it.
 */
export function CitizenPanels(props: CitizenPanelsProps) {
  const { list, open, stats, now, queueRows, rankRows } = props;
  const { t, num, lang } = useI18n();
  const byId = new Map((list?.items ?? []).map((c) => [c.id, c] as const));
  const queue = oldestFirst(open);
  const overdue = queue.filter((c) => c.overdue).length;
  const shown = queue.slice(0, queueRows);
  const units = stats?.units ?? [];
  const month = stats ? `${stats.month.slice(5)}/${stats.month.slice(0, 4)}` : '';
  return (
    <>
      <PanelCard
        name="citizen-queue"
        title={t('citizenStaff.wall.queueTitle')}
        asOf={props.listAsOf}
        stale={props.listStale}
      >
        {list === null ? (
          <p className="muted">{t('app.loading')}</p>
        ) : (
          <>
            <p
              className="citizen-total"
              data-testid="citizen-open-total"
              data-open={queue.length}
              data-overdue={overdue}
            >
              <span className="citizen-total-n">{num(queue.length, 0)}</span>
              <span className="citizen-total-label">{t('citizenStaff.wall.openCount')}</span>
              <span className="citizen-total-overdue">{num(overdue, 0)}</span>
              <span className="citizen-total-label">{t('citizenStaff.wall.overdueCount')}</span>
            </p>
            {shown.length === 0 ? (
              <p className="muted">{t('citizenStaff.wall.noneOpen')}</p>
            ) : (
              <ol className="citizen-queue">
                {shown.map((c) => {
                  const full = byId.get(c.id);
                  // Name only: a category's icon is an emoji, and wall PCs (Linux kiosks) often
                  // have no emoji font — a box read from 5 m helps no one.
                  const category = full
                    ? lang === 'en'
                      ? full.category.nameEn
                      : full.category.nameVi
                    : c.code;
                  return (
                    <li
                      key={c.id}
                      className={`citizen-row age-${ageClass(ageHours(c.receivedAt, now), c.overdue)}`}
                      data-testid="citizen-queue-row"
                      data-code={c.code}
                      data-status={c.status}
                      data-overdue={c.overdue ? 'true' : 'false'}
                    >
                      <span className="citizen-dot" />
                      <span className="citizen-title" title={category}>
                        {category}
                      </span>
                      <span className="citizen-age">{ageText(t, c.receivedAt, now)}</span>
                      <span className="citizen-meta" title={full?.unitName ?? c.unitCode}>
                        {`${full?.unitName ?? c.unitCode} · ${c.code}`}
                      </span>
                      <span className="citizen-status">
                        {c.overdue
                          ? t('citizenStaff.overdue')
                          : isCitizenStatus(c.status)
                            ? t(`citizenStaff.status.${c.status}`)
                            : c.status}
                      </span>
                    </li>
                  );
                })}
              </ol>
            )}
            {queue.length > shown.length && (
              <p className="citizen-more">
                {t('citizenStaff.more', { n: num(queue.length - shown.length, 0) })}
              </p>
            )}
          </>
        )}
      </PanelCard>
      <WardResults
        ranked={stats === null ? null : rankWards(units)}
        satisfaction={new Map(units.map((u) => [u.unitCode, u] as const))}
        month={month}
        rows={rankRows}
        asOf={props.statsAsOf}
        stale={props.statsStale}
      />
    </>
  );
}

interface WardResultsProps {
  ranked: RankedWard[] | null;
  /** Each ward's figures, for its satisfaction beside its on-time rate. */
  satisfaction: ReadonlyMap<string, WardFigures>;
  month: string;
  rows: number;
  asOf: string | null;
  stale: boolean;
}

function percent(rate: number | null, num: (v: number, d?: number) => string): string {
  return rate === null ? '—' : `${num(Math.round(rate * 100), 0)}%`;
}

/**
 * Wards ranked by the share of reports resolved on time this month, best first, with the
 * residents' satisfaction beside it (a rated report was resolved, so every ward with a
 * satisfaction rate has an on-time rate). Wards with nothing resolved are not listed.
 */
function WardResults({ ranked, satisfaction, month, rows, asOf, stale }: WardResultsProps) {
  const { t, num } = useI18n();
  const measured = (ranked ?? []).filter((r) => r.rate !== null);
  return (
    <PanelCard
      name="citizen-wards"
      title={t('citizenStaff.wall.rankTitle')}
      asOf={asOf}
      stale={stale}
    >
      {ranked === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : measured.length === 0 ? (
        <p className="muted">{t('citizenStaff.wall.noneMeasured')}</p>
      ) : (
        <>
          <p className="citizen-rank-head">
            <span className="citizen-rank-month">{t('citizenStaff.wall.month', { month })}</span>
            <span>{t('citizenStaff.wall.onTime')}</span>
            <span>{t('citizenStaff.wall.satisfaction')}</span>
          </p>
          <ol className="citizen-ranks">
            {measured.slice(0, rows).map((r) => {
              const f = satisfaction.get(r.unitCode);
              const sat = f?.satisfactionRate ?? null;
              return (
                <li
                  key={r.unitCode}
                  className="citizen-rank"
                  data-testid="citizen-rank"
                  data-ward={r.unitCode}
                  data-ontime={r.rate ?? ''}
                  data-resolved={r.base}
                  data-satisfaction={sat ?? ''}
                  data-ratings={f?.ratings ?? 0}
                >
                  <span className="citizen-rank-name" title={r.unitName}>
                    {r.unitName}
                  </span>
                  <span className="citizen-rank-n">{percent(r.rate, num)}</span>
                  <span className="citizen-rank-sat">{percent(sat, num)}</span>
                  <span className="citizen-rank-bar" aria-hidden="true">
                    <span style={{ width: `${String(Math.round((r.rate ?? 0) * 100))}%` }} />
                  </span>
                  <span className="citizen-rank-base">
                    {t('citizenStaff.wall.rankBase', {
                      resolved: num(r.base, 0),
                      ratings: num(f?.ratings ?? 0, 0),
                    })}
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </PanelCard>
  );
}
