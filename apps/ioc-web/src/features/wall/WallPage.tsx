import { defaultWallScenes, type WallScene } from '@ioc/contracts';
import type { WallAlert, WardFeature } from '../../shared/api/schemas';
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { displayParams, parseDisplayParams } from '../../shared/api/urlParams';
import { useLocationSearch } from '../../shared/ui/usePathname';
import { DataFreshness } from './components/DataFreshness';
import { DeviceValuesList } from './components/DeviceValuesList';
import { FleetSummary } from './components/FleetSummary';
import { SceneBar } from './components/SceneBar';
import { ScenePanels } from './components/ScenePanels';
import { WallHeader } from './components/WallHeader';
import { WardPanel } from './components/WardPanel';
import { useAlerts } from './hooks/useAlerts';
import { useClock } from '../../shared/ui/useClock';
import { useLiveFeed } from './hooks/useLiveFeed';
import { FLEET_REFRESH_MS, SCORECARD_REFRESH_MS, usePanelSources } from './hooks/usePanelSources';
import { usePanelStats } from './hooks/usePanelStats';
import { TASKS_REFRESH_MS, useTasksBoard } from './hooks/useTasksBoard';
import { CITIZEN_REFRESH_MS, useCitizenBoard } from './hooks/useCitizenBoard';
import { DOSSIERS_REFRESH_MS, OPEN_DOSSIERS_LIMIT, useDossierBoard } from './hooks/useDossierBoard';
import { casePoints } from './model/citizenBoard';
import { canWorkAlerts, useSession } from '../../shared/api/useSession';
import { useThrottledValue } from '../../shared/ui/useThrottledValue';
import { useUnitsData } from './hooks/useUnitsData';
import { useWallConfig } from './hooks/useWallConfig';
import { useWallCameras } from './hooks/useWallCameras';
import { CameraGrid } from './components/CameraGrid';
import { CameraPanel } from './components/CameraPanel';
import { useWallType } from './hooks/useWallType';
import { useScreenReport } from './hooks/useScreenReport';
import { useI18n } from '../../shared/i18n/useI18n';
import { mapSeverity } from './model/alertBoard';
import { burnInOffset } from './model/burnIn';
import type { DeviceState, DeviceStore } from '../../shared/live/deviceStore';
import { isPolledStale } from './model/polledResource';
import { sceneAt } from './model/sceneClock';
import { isStale } from './model/staleness';
import { canvasStyle, tileLayout } from './model/tiling';
import { SceneMap } from '../../shared/map/SceneMap';
import type { MapAlert } from '../../shared/map/sceneMap.types';
import { useWardMeasure } from '../../shared/map/useWardMeasure';
import './wall.css';
import './kiosk.css';

const PANEL = { topN: 12, recentLimit: 500 } as const;
/** DOM panels and ward fills follow deltas at most this often (the dots follow every frame). */
const PANEL_THROTTLE_MS = 250;
/** Online/offline colours and counts are re-evaluated on this beat even without deltas. */
const STATUS_TICK_MS = 30_000;
/** A tapped ward's panel closes by itself: nobody may be there to close it. */
const WARD_PANEL_TIMEOUT_MS = 2 * 60_000;
/** Alerts refresh every 30 s; late after a missed refresh and a half. */
const ALERTS_MAX_AGE_MS = 75_000;

const NO_DEVICES: readonly DeviceState[] = [];

/** Shown only while a config has no enabled scene at all. */
const FALLBACK_SCENE: WallScene = defaultWallScenes()[0] ?? {
  id: 'overview',
  kind: 'overview',
  durationSec: 60,
  enabled: true,
  measure: { kind: 'none' },
  overlays: [],
};

/**
 * Where the map pulses an alert: its own position when the API gives one, else its device's,
 * else the label point of its ward. Alerts with none of these stay in the list only.
 */
function toMapAlerts(
  alerts: readonly WallAlert[],
  store: DeviceStore | null,
  wards: readonly WardFeature[] | null,
): MapAlert[] {
  const labels = new Map((wards ?? []).map((f) => [f.properties.code, f.properties] as const));
  const out: MapAlert[] = [];
  for (const a of alerts) {
    const device = a.deviceId === null ? undefined : store?.byId.get(a.deviceId);
    const ward = a.unitCode === null ? undefined : labels.get(a.unitCode);
    const lon = a.lon ?? device?.lon ?? ward?.labelLon ?? null;
    const lat = a.lat ?? device?.lat ?? ward?.labelLat ?? null;
    if (lon !== null && lat !== null)
      out.push({ id: a.id, severity: mapSeverity(a.severity), lon, lat });
  }
  return out;
}

function sceneTitle(scene: WallScene, lang: 'vi' | 'en', fallback: string): string {
  const own = lang === 'en' ? (scene.titleEn ?? scene.titleVi) : scene.titleVi;
  return own?.trim() ? own : fallback;
}

/**
 * The live wall: rotating scenes (shared clock), header, map with East Sea inset, scene panels.
 * Laid out on a virtual canvas of `?tiles=` screens, of which this screen shows `?tile=`.
 */
export default function WallPage() {
  const params = displayParams();
  const { unitCode } = params;
  const { t, lang } = useI18n();
  const units = useUnitsData(unitCode);
  const { feed, snapshot } = useLiveFeed(unitCode);
  const now = useClock(1000);
  const statusTick = Math.floor(now / STATUS_TICK_MS) * STATUS_TICK_MS;
  const panelVersion = useThrottledValue(snapshot.valueVersion, PANEL_THROTTLE_MS);
  const store = feed?.store ?? null;

  // REST sources refetch when the live link drops (so their cards turn stale with it) and when
  // it returns (so they recover at once instead of at their next period).
  const linkUp = snapshot.phase === 'open';
  const { config } = useWallConfig(unitCode, linkUp);
  const alerts = useAlerts(unitCode, feed, linkUp);
  const sources = usePanelSources(unitCode, linkUp);
  const session = useSession();

  const enabled = config.scenes.filter((s) => s.enabled);
  const tasks = useTasksBoard(
    unitCode,
    feed,
    linkUp,
    enabled.some((s) => s.kind === 'tasks'),
  );
  const citizen = useCitizenBoard(
    unitCode,
    feed,
    linkUp,
    enabled.some((s) => s.kind === 'citizen' || s.overlays.includes('citizen')),
  );
  const dossiers = useDossierBoard(
    unitCode,
    linkUp,
    enabled.some((s) => s.kind === 'services'),
  );
  const cameras = useWallCameras(unitCode, enabled);
  const citizenPoints = useMemo(
    () => casePoints(citizen.open, statusTick),
    [citizen.open, statusTick],
  );
  // The pin follows history moves (Back, a controller changing the URL) without a reload, so a
  // wall PC switches scenes without rebuilding its map.
  const search = useLocationSearch();
  const pinned = useMemo(() => parseDisplayParams(search).scene, [search]);
  const slot = sceneAt({ scenes: config.scenes, rotate: config.rotate, pinned, now });
  useScreenReport(params, slot);
  // Kiosk: a read-only wall — no controls, no cursor, no map input (kiosk.css, SceneMap).
  const { kiosk } = params;

  const [selectedWard, setSelectedWard] = useState<string | null>(null);
  const onWardClick = useCallback((code: string) => {
    setSelectedWard((current) => (current === code ? null : code));
  }, []);
  useEffect(() => {
    if (selectedWard === null) return undefined;
    const timer = setTimeout(() => {
      setSelectedWard(null);
    }, WARD_PANEL_TIMEOUT_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [selectedWard]);

  const { children } = units;
  const unitName = useCallback(
    (code: string | null) => (code === null ? '—' : (children.get(code)?.shortName ?? code)),
    [children],
  );
  const wardCodes = useMemo(() => (units.wards ?? []).map((f) => f.properties.code), [units.wards]);

  const unitLevel = units.unit?.level ?? null;
  const unitTitle = units.unit
    ? lang === 'en' && units.unit.nameEn
      ? units.unit.nameEn
      : units.unit.name
    : null;
  const title = unitTitle ? t('app.titleWithUnit', { unit: unitTitle }) : t('app.title');
  useEffect(() => {
    document.title = title;
  }, [title]);

  const liveStale = isStale({
    now,
    lastDataAt: snapshot.lastDataAt,
    startedAt: snapshot.startedAt,
    phase: snapshot.phase,
    hasConnected: snapshot.hasConnected,
  });

  const scene = slot?.scene ?? null;
  const levelsMetric = scene?.measure.kind === 'metric' ? scene.measure.metric : null;
  const stats = usePanelStats(store, panelVersion, statusTick, { ...PANEL, levelsMetric });
  const shownScene = scene ?? FALLBACK_SCENE;
  const wardMeasure = useWardMeasure(shownScene, {
    unitCode,
    store,
    version: panelVersion,
    statusTick,
    wardCodes,
  });
  // A live measure is only as fresh as the link that feeds it.
  const measure = useMemo(
    () =>
      shownScene.measure.kind === 'metric'
        ? { ...wardMeasure, stale: wardMeasure.stale || liveStale }
        : wardMeasure,
    [wardMeasure, liveStale, shownScene.measure.kind],
  );
  const mapAlerts = useMemo(
    () => toMapAlerts(alerts.alerts, store, units.wards),
    // `panelVersion`: devices may have moved (vessels) or arrived since.
    [alerts.alerts, store, units.wards, panelVersion],
  );

  const layout = tileLayout(params.tiles, params.tile);
  const type = useWallType(config.display, layout);
  const burn = burnInOffset(now);
  const canvas: CSSProperties = {
    ...canvasStyle(layout),
    ['--burn-x' as string]: `${burn.x}px`,
    ['--burn-y' as string]: `${burn.y}px`,
  };

  const selectedDevices = useMemo(
    () =>
      selectedWard === null || !store
        ? NO_DEVICES
        : [...store.byId.values()].filter((d) => d.unitCode === selectedWard),
    [selectedWard, store, panelVersion],
  );
  const alertsStale = isPolledStale(alerts.snapshot, now, ALERTS_MAX_AGE_MS);

  return (
    <div
      className="wall-viewport"
      data-tiles={`${layout.cols}x${layout.rows}`}
      data-tile={params.tile}
      data-rem-px={type.remPx.toFixed(2)}
      data-min-arcmin={type.minArcMinutes.toFixed(1)}
      data-type-capped={type.capped ? 'true' : 'false'}
      data-kiosk={kiosk ? 'true' : undefined}
    >
      <div className="wall" data-testid="wall" style={canvas}>
        <WallHeader
          title={unitTitle ?? t('app.title')}
          kicker={unitTitle ? t('app.title') : null}
          phase={snapshot.phase}
          asOf={snapshot.asOf}
          stale={liveStale}
          now={now}
          approximate={units.wards?.some((f) => f.properties.approximate) ?? false}
          controls={!kiosk}
          sceneBar={
            <SceneBar
              slot={slot}
              count={enabled.length}
              title={
                scene
                  ? sceneTitle(
                      scene,
                      lang,
                      // A ward's own centre: its overview is the ward's, not the province's.
                      scene.kind === 'overview' && unitLevel !== null && unitLevel !== 'province'
                        ? t(`scene.overview.${unitLevel}`)
                        : t(`scene.kind.${scene.kind}`),
                    )
                  : ''
              }
            />
          }
        />
        <main className="wall-map">
          <SceneMap
            unitCode={unitCode}
            scene={shownScene}
            wards={units.wards}
            context={units.context}
            children={children}
            store={store}
            valueVersion={snapshot.valueVersion}
            statusTick={statusTick}
            alerts={mapAlerts}
            citizen={citizenPoints}
            measure={measure}
            selectedWard={selectedWard}
            onWardClick={onWardClick}
            cameras={cameras.onMap}
            onCameraClick={cameras.open}
            interactive={!kiosk}
          />
          {scene?.kind === 'cameras' && slot && (
            <CameraGrid scene={scene} slot={slot} now={now} cameras={cameras.list} />
          )}
          {cameras.opened && scene?.kind !== 'cameras' && (
            <CameraPanel camera={cameras.opened} onClose={cameras.close} />
          )}
          {units.wards === null && (
            <p className="map-message" role="status">
              {units.failed ? t('wall.mapLoadFailed') : t('app.loading')}
            </p>
          )}
        </main>
        <aside className="wall-panel">
          <div className="wall-panel-inner">
            <FleetSummary
              unitCount={unitLevel === null || unitLevel === 'province' ? wardCodes.length : null}
              online={stats.online}
              total={stats.total}
            />
            {selectedWard !== null ? (
              <WardPanel
                code={selectedWard}
                name={children.get(selectedWard)?.name ?? selectedWard}
                devices={selectedDevices}
                metric={scene?.measure.kind === 'metric' ? scene.measure.metric : null}
                alerts={alerts.alerts.filter((a) => a.unitCode === selectedWard)}
                now={statusTick}
                liveAsOf={snapshot.asOf}
                liveStale={liveStale}
                alertsAsOf={alerts.snapshot.asOf}
                alertsStale={alertsStale}
                onClose={() => {
                  setSelectedWard(null);
                }}
              />
            ) : (
              scene && (
                <ScenePanels
                  scene={scene}
                  unitCode={unitCode}
                  alerts={{ data: alerts.alerts, asOf: alerts.snapshot.asOf, stale: alertsStale }}
                  scorecard={{
                    data: sources.scorecard.data,
                    asOf: sources.scorecard.asOf,
                    stale: isPolledStale(sources.scorecard, now, SCORECARD_REFRESH_MS * 2),
                  }}
                  fleet={{
                    data: sources.fleet.data,
                    asOf: sources.fleet.asOf,
                    stale: isPolledStale(sources.fleet, now, FLEET_REFRESH_MS * 2.5),
                  }}
                  tasks={{
                    data: tasks.data,
                    asOf: tasks.asOf,
                    stale: isPolledStale(tasks, now, TASKS_REFRESH_MS * 2),
                  }}
                  citizen={{
                    list: {
                      data: citizen.cases.data,
                      asOf: citizen.cases.asOf,
                      stale: isPolledStale(citizen.cases, now, CITIZEN_REFRESH_MS * 2),
                    },
                    open: citizen.open,
                    stats: {
                      data: citizen.stats.data,
                      asOf: citizen.stats.asOf,
                      stale: isPolledStale(citizen.stats, now, CITIZEN_REFRESH_MS * 2),
                    },
                    now: statusTick,
                  }}
                  dossiers={{
                    open: {
                      data: dossiers.open.data,
                      asOf: dossiers.open.asOf,
                      stale: isPolledStale(dossiers.open, now, DOSSIERS_REFRESH_MS * 2),
                    },
                    stats: {
                      data: dossiers.stats.data,
                      asOf: dossiers.stats.asOf,
                      stale: isPolledStale(dossiers.stats, now, DOSSIERS_REFRESH_MS * 2),
                    },
                    openLimit: OPEN_DOSSIERS_LIMIT,
                    now: statusTick,
                  }}
                  measure={measure}
                  top={stats.top}
                  stations={stats.stations}
                  unitName={unitName}
                  canAcknowledge={!kiosk && canWorkAlerts(session)}
                  onAlertsChanged={alerts.refresh}
                  onSelectWard={kiosk ? undefined : onWardClick}
                />
              )
            )}
            <DeviceValuesList devices={stats.recent} />
          </div>
        </aside>
      </div>
      {layout.row > 0 && (
        // Screens below the header still say how fresh the map they show is.
        <div className="tile-freshness">
          <DataFreshness asOf={snapshot.asOf} stale={liveStale} />
        </div>
      )}
    </div>
  );
}
