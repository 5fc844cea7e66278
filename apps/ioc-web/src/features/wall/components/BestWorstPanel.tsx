import { useI18n } from '../../../shared/i18n/useI18n';
import { bestWorst, type RankedWard } from '../model/bestWorst';
import type { WardMeasure } from '../../../shared/map/sceneMap.types';
import { PanelCard } from './PanelCard';

export interface BestWorstPanelProps {
  measure: WardMeasure;
  /** What the measure is, for the heading ("PM2.5", an indicator name). */
  label: string;
  rows: number;
  unitName: (code: string | null) => string;
  /** Absent on a kiosk wall: the rows are plain text, not buttons. */
  onSelect?: ((code: string) => void) | undefined;
}

/** The best and worst wards for the scene's measure; a row opens that ward's panel. */
export function BestWorstPanel({ measure, label, rows, unitName, onSelect }: BestWorstPanelProps) {
  const { t } = useI18n();
  const { best, worst } = bestWorst(measure.values, measure.higherIsBetter, rows);
  return (
    <PanelCard
      name="best-worst"
      title={t('rank.title', { measure: label })}
      asOf={measure.asOf}
      stale={measure.stale}
    >
      {best.length === 0 ? (
        <p className="muted">{t('panel.noReadings')}</p>
      ) : (
        <div className="rank-columns">
          <RankList
            kind="best"
            heading={t('rank.best')}
            wards={best}
            uom={measure.uom}
            unitName={unitName}
            onSelect={onSelect}
          />
          <RankList
            kind="worst"
            heading={t('rank.worst')}
            wards={worst}
            uom={measure.uom}
            unitName={unitName}
            onSelect={onSelect}
          />
        </div>
      )}
    </PanelCard>
  );
}

function RankList(props: {
  kind: 'best' | 'worst';
  heading: string;
  wards: readonly RankedWard[];
  uom: string;
  unitName: (code: string | null) => string;
  onSelect?: ((code: string) => void) | undefined;
}) {
  const { num } = useI18n();
  const { onSelect } = props;
  return (
    <div className={`rank rank-${props.kind}`}>
      <h3 className="rank-heading">{props.heading}</h3>
      <ol className="rank-list" data-testid={`rank-${props.kind}`}>
        {props.wards.map((w) => {
          const name = props.unitName(w.code);
          const row = (
            <>
              <span className="rank-name" title={name}>
                {name}
              </span>
              <span className="rank-value">
                {num(w.value, 1)}
                {props.uom && <small>{props.uom}</small>}
              </span>
            </>
          );
          return (
            <li key={w.code}>
              {onSelect ? (
                <button
                  type="button"
                  className="rank-row"
                  data-ward={w.code}
                  onClick={() => {
                    onSelect(w.code);
                  }}
                >
                  {row}
                </button>
              ) : (
                <div className="rank-row" data-ward={w.code}>
                  {row}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
