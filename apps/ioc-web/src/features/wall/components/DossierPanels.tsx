import type { DossierListResponse, DossierStatsResponse } from '@ioc/contracts';
import { useI18n } from '../../../shared/i18n/useI18n';
import { dossierBoard, percentText } from '../model/dossierBoard';
import { PanelCard } from './PanelCard';

export interface DossierPanelsProps {
  open: DossierListResponse | null;
  stats: DossierStatsResponse | null;
  openAsOf: string | null;
  openStale: boolean;
  statsAsOf: string | null;
  statsStale: boolean;
  now: number;
  /** The page size of the open list: a full page means the counts are lower bounds. */
  openLimit: number;
  /** Fixed row counts, so the column never overflows (see ScenePanels). */
  unitRows: number;
  wardRows: number;
  unitName: (code: string | null) => string;
}

/**
 * The public-services scene's dossier cards (issue 16): open dossiers due today and overdue
 * (by unit, most first), then the wards' on-time rates (lowest first: who needs a call), one
 * line each so both cards fit beside the map's ranking.
 */
export function DossierPanels(props: DossierPanelsProps) {
  const { t, num } = useI18n();
  const { unitName } = props;
  const board = dossierBoard(
    props.open,
    props.stats,
    { units: props.unitRows, wards: props.wardRows },
    props.now,
    props.openLimit,
  );
  const top = board?.overdueUnits[0]?.overdue ?? 0;
  return (
    <>
      <PanelCard
        name="dossiers-due"
        title={t('wall.dossiers.dueTitle')}
        asOf={props.openAsOf}
        stale={props.openStale}
      >
        {board === null ? (
          <p className="muted">{t('app.loading')}</p>
        ) : (
          <>
            <p
              className="dossier-total"
              data-testid="dossier-totals"
              data-due-today={board.dueToday}
              data-overdue={board.overdueTotal}
            >
              <span className="dossier-total-n">{num(board.dueToday, 0)}</span>
              <span className="dossier-total-label">{t('wall.dossiers.dueToday')}</span>
              <span className="dossier-total-overdue">{num(board.overdueTotal, 0)}</span>
              <span className="dossier-total-label">{t('wall.dossiers.overdue')}</span>
            </p>
            {board.overdueUnits.length === 0 ? (
              <p className="muted">{t('wall.dossiers.noneOverdue')}</p>
            ) : (
              <ol className="tasks-leads">
                {board.overdueUnits.map((u) => (
                  <li
                    key={u.unitCode}
                    className="tasks-lead"
                    data-testid="dossier-overdue-unit"
                    data-unit={u.unitCode}
                    data-overdue={u.overdue}
                  >
                    <span className="tasks-lead-name" title={unitName(u.unitCode)}>
                      {unitName(u.unitCode)}
                    </span>
                    <span className="tasks-lead-bar" aria-hidden="true">
                      <span
                        style={{ width: `${String(top > 0 ? (100 * u.overdue) / top : 0)}%` }}
                      />
                    </span>
                    <span className="tasks-lead-n">{num(u.overdue, 0)}</span>
                  </li>
                ))}
              </ol>
            )}
            {board.otherUnitsOverdue > 0 && (
              <p className="tasks-more" data-testid="dossier-more-units">
                {t('wall.dossiers.otherUnits', { n: num(board.otherUnitsOverdue, 0) })}
              </p>
            )}
            {board.capped && (
              <p className="tasks-more">
                {t('wall.dossiers.capped', { n: num(props.openLimit, 0) })}
              </p>
            )}
          </>
        )}
      </PanelCard>
      <PanelCard
        name="dossiers-ontime"
        title={t('wall.dossiers.onTimeTitle')}
        asOf={props.statsAsOf}
        stale={props.statsStale}
      >
        {board === null ? (
          <p className="muted">{t('app.loading')}</p>
        ) : (
          <>
            {board.wards.length === 0 ? (
              <p className="muted">{t('wall.dossiers.noneFinished')}</p>
            ) : (
              <ol className="citizen-ranks">
                {board.wards.map((w) => (
                  <li
                    key={w.unitCode}
                    className="citizen-rank dossier-rank"
                    data-testid="dossier-ward"
                    data-ward={w.unitCode}
                    data-ontime={w.rate}
                    data-finished={w.finished}
                  >
                    <span className="citizen-rank-name" title={unitName(w.unitCode)}>
                      {unitName(w.unitCode)}
                    </span>
                    <span
                      className="citizen-rank-base"
                      title={t('wall.dossiers.baseTitle', {
                        onTime: num(w.finishedOnTime, 0),
                        finished: num(w.finished, 0),
                      })}
                    >
                      {t('wall.dossiers.base', {
                        onTime: num(w.finishedOnTime, 0),
                        finished: num(w.finished, 0),
                      })}
                    </span>
                    <span className="citizen-rank-n">{percentText(w.rate, num)}</span>
                  </li>
                ))}
              </ol>
            )}
            {board.otherWards > 0 && (
              <p className="tasks-more" data-testid="dossier-more-wards">
                {t('wall.dossiers.otherWards', { n: num(board.otherWards, 0) })}
              </p>
            )}
            <p
              className="tasks-more"
              data-testid="dossier-online"
              data-share={board.onlineShare ?? ''}
            >
              {t('wall.dossiers.online', { share: percentText(board.onlineShare, num) })}
            </p>
          </>
        )}
      </PanelCard>
    </>
  );
}
