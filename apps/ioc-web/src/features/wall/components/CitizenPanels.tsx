import type { CitizenList, CitizenStats } from '../../../shared/api/citizen';
import { ageClass } from '../../../shared/citizen/ageColors';
import { ageHours, isCitizenStatus } from '../../../shared/citizen/caseModel';
import { ageText } from '../../../shared/citizen/timeText';
import { useI18n } from '../../../shared/i18n/useI18n';
import { oldestFirst, rankWards, type BoardCase, type RankedWard } from '../model/citizenBoard';
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
 * and the wards ranked by on-time handling and by residents' satisfaction this month.
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
                  const category = full
                    ? `${full.category.icon} ${lang === 'en' ? full.category.nameEn : full.category.nameVi}`
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
              <p className="tasks-more">
                {t('citizenStaff.more', { n: num(queue.length - shown.length, 0) })}
              </p>
            )}
          </>
        )}
      </PanelCard>
      <RankPanel
        name="citizen-ontime"
        title={`${t('citizenStaff.wall.onTimeTitle')} (${t('citizenStaff.wall.month', { month })})`}
        ranked={stats === null ? null : rankWards(units, 'onTime')}
        rows={rankRows}
        asOf={props.statsAsOf}
        stale={props.statsStale}
      />
      <RankPanel
        name="citizen-satisfaction"
        title={`${t('citizenStaff.wall.satisfactionTitle')} (${t('citizenStaff.wall.month', { month })})`}
        ranked={stats === null ? null : rankWards(units, 'satisfaction')}
        rows={rankRows}
        asOf={props.statsAsOf}
        stale={props.statsStale}
      />
    </>
  );
}

interface RankPanelProps {
  name: string;
  title: string;
  ranked: RankedWard[] | null;
  rows: number;
  asOf: string | null;
  stale: boolean;
}

/** Wards with a rate, best first, as bars; wards with nothing measured are not listed. */
function RankPanel({ name, title, ranked, rows, asOf, stale }: RankPanelProps) {
  const { t, num } = useI18n();
  const measured = (ranked ?? []).filter((r) => r.rate !== null);
  return (
    <PanelCard name={name} title={title} asOf={asOf} stale={stale}>
      {ranked === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : measured.length === 0 ? (
        <p className="muted">{t('citizenStaff.wall.noneMeasured')}</p>
      ) : (
        <ol className="citizen-ranks">
          {measured.slice(0, rows).map((r) => {
            const pct = Math.round((r.rate ?? 0) * 1000) / 10;
            return (
              <li
                key={r.unitCode}
                className="citizen-rank"
                data-testid="citizen-rank"
                data-ward={r.unitCode}
                data-rate={r.rate ?? ''}
                data-base={r.base}
              >
                <span className="citizen-rank-name" title={r.unitName}>
                  {r.unitName}
                </span>
                <span className="citizen-rank-bar" aria-hidden="true">
                  <span style={{ width: `${String(pct)}%` }} />
                </span>
                <span className="citizen-rank-n">{`${num(pct, 0)}%`}</span>
                <span className="citizen-rank-base">
                  {t('citizenStaff.wall.base', { n: num(r.base, 0) })}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </PanelCard>
  );
}
