import type {
  DossierListResponse,
  DossierStatsResponse,
  TaskListResponse,
  WallScene,
} from '@ioc/contracts';
import type { CitizenList, CitizenStats } from '../../../shared/api/citizen';
import type { Fleet, Scorecard, WallAlert } from '../../../shared/api/schemas';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useMetrics } from '../../../shared/metrics/useMetrics';
import type { DeviceState } from '../../../shared/live/deviceStore';
import type { WardMeasure } from '../../../shared/map/sceneMap.types';
import type { BoardCase } from '../model/citizenBoard';
import { AlertTicker } from './AlertTicker';
import { BestWorstPanel } from './BestWorstPanel';
import { CitizenPanels } from './CitizenPanels';
import { DossierPanels } from './DossierPanels';
import { FleetHealthPanel } from './FleetHealthPanel';
import { ScorecardPanel } from './ScorecardPanel';
import { StationLevels } from './StationLevels';
import type { StationStanding } from '../../../shared/live/stationLevels';
import { TasksPanels } from './TasksPanels';
import { TopDevices } from './TopDevices';
import { VehicleFlowPanel } from './VehicleFlowPanel';

export interface Sourced<T> {
  data: T;
  asOf: string | null;
  stale: boolean;
}

export interface ScenePanelsProps {
  scene: WallScene;
  alerts: Sourced<readonly WallAlert[]>;
  scorecard: Sourced<Scorecard | null>;
  fleet: Sourced<Fleet | null>;
  /** Plan tasks due this month with the overdue counts (tasks scene). */
  tasks: Sourced<TaskListResponse | null>;
  /** Open citizen reports and this month's handling per ward (citizen scene). */
  citizen: {
    list: Sourced<CitizenList | null>;
    open: readonly BoardCase[];
    stats: Sourced<CitizenStats | null>;
    now: number;
  };
  /** Open public-service dossiers and the rates per ward (services scene, issue 16). */
  dossiers: {
    open: Sourced<DossierListResponse | null>;
    stats: Sourced<DossierStatsResponse | null>;
    openLimit: number;
    now: number;
  };
  measure: WardMeasure;
  /** Top PM2.5 devices (air scene). */
  top: readonly DeviceState[];
  /** Stations of the scene's metric against their own alarm levels (water scene). */
  stations: readonly StationStanding[];
  unitName: (code: string | null) => string;
  canAcknowledge: boolean;
  onAlertsChanged: () => void;
  /** The wall's unit: the traffic scene counts its cameras' vehicles in/out. */
  unitCode?: string | undefined;
  /** Absent on a kiosk wall: nothing on it is a control. */
  onSelectWard?: ((code: string) => void) | undefined;
}

/**
 * The cards of a scene: few facts, each large enough to read from the back of the room. Row
 * counts are fixed per scene so the column never scrolls or overflows: the wall is laid out in
 * rem on a canvas of at least LAYOUT_REM (shared/ui/wallTypography.ts), whatever its size or distance.
 */
export function ScenePanels(props: ScenePanelsProps) {
  const { scene, alerts, scorecard, fleet, measure, unitName } = props;
  const { t } = useI18n();
  const metrics = useMetrics();
  const ticker = (rows: number, big = false) => (
    <AlertTicker
      alerts={alerts.data}
      rows={rows}
      asOf={alerts.asOf}
      stale={alerts.stale}
      unitName={unitName}
      canAcknowledge={props.canAcknowledge}
      onChanged={props.onAlertsChanged}
      big={big}
    />
  );
  const score = (rows: number, withSummary: boolean) => (
    <ScorecardPanel
      scorecard={scorecard.data}
      asOf={scorecard.asOf}
      stale={scorecard.stale}
      rows={rows}
      withSummary={withSummary}
    />
  );
  const fleetPanel = (kindRows: number) => (
    <FleetHealthPanel
      fleet={fleet.data}
      asOf={fleet.asOf}
      stale={fleet.stale}
      kindRows={kindRows}
    />
  );
  const ranks = (rows: number) => (
    <BestWorstPanel
      measure={measure}
      label={measureLabel(scene, t, metrics.name)}
      rows={rows}
      unitName={unitName}
      onSelect={props.onSelectWard}
    />
  );
  switch (scene.kind) {
    case 'overview':
      return (
        <>
          {score(1, true)}
          {ticker(2)}
          {fleetPanel(0)}
        </>
      );
    case 'air':
      return (
        <>
          {ranks(4)}
          <TopDevices devices={props.top.slice(0, 4)} unitName={unitName} />
        </>
      );
    case 'water':
      return (
        <>
          {/* The stations against their own báo động levels say more than ward means. */}
          {scene.measure.kind === 'metric' && (
            <StationLevels
              stations={props.stations}
              metric={scene.measure.metric}
              rows={4}
              unitName={unitName}
            />
          )}
          {ticker(2)}
        </>
      );
    case 'traffic':
      return (
        <>
          {ranks(3)}
          {props.unitCode !== undefined && <VehicleFlowPanel unitCode={props.unitCode} hours={3} />}
          {ticker(2)}
        </>
      );
    case 'services':
      // The map's indicator ranked, then the dossiers behind the services (the scorecard is the
      // overview's): due today, overdue by unit, on-time rate by ward.
      return (
        <>
          {scene.measure.kind === 'indicator' && ranks(1)}
          <DossierPanels
            open={props.dossiers.open.data}
            stats={props.dossiers.stats.data}
            openAsOf={props.dossiers.open.asOf}
            openStale={props.dossiers.open.stale}
            statsAsOf={props.dossiers.stats.asOf}
            statsStale={props.dossiers.stats.stale}
            now={props.dossiers.now}
            openLimit={props.dossiers.openLimit}
            unitRows={2}
            wardRows={2}
            unitName={unitName}
          />
        </>
      );
    case 'alerts':
      return ticker(7, true);
    case 'cameras':
      // The grid fills the map area; beside it, what the cameras may be showing.
      return ticker(7, true);
    case 'fleet':
      return fleetPanel(8);
    case 'tasks':
      return (
        <TasksPanels
          list={props.tasks.data}
          asOf={props.tasks.asOf}
          stale={props.tasks.stale}
          leadRows={3}
          dueRows={2}
        />
      );
    case 'citizen':
      return (
        <CitizenPanels
          list={props.citizen.list.data}
          open={props.citizen.open}
          stats={props.citizen.stats.data}
          listAsOf={props.citizen.list.asOf}
          listStale={props.citizen.list.stale}
          statsAsOf={props.citizen.stats.asOf}
          statsStale={props.citizen.stats.stale}
          now={props.citizen.now}
          queueRows={5}
          rankRows={4}
        />
      );
  }
}

function measureLabel(
  scene: WallScene,
  t: ReturnType<typeof useI18n>['t'],
  metricName: (code: string) => string,
): string {
  const m = scene.measure;
  if (m.kind === 'metric') return metricName(m.metric);
  if (m.kind === 'indicator') return t('measure.indicator');
  return t(`scene.kind.${scene.kind}`);
}
