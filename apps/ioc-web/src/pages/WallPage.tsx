import { useCallback, useEffect, useMemo } from 'react';
import type { WardFeature } from '../api/schemas';
import { displayParams } from '../app/urlParams';
import { SidePanel } from '../components/wall/SidePanel';
import { WallHeader } from '../components/wall/WallHeader';
import { useClock } from '../hooks/useClock';
import { useFontsReady } from '../hooks/useFontsReady';
import { useLiveFeed } from '../hooks/useLiveFeed';
import { useThrottledValue } from '../hooks/useThrottledValue';
import { useUiScale } from '../hooks/useUiScale';
import { useUnitsData } from '../hooks/useUnitsData';
import { useWallLayers } from '../hooks/useWallLayers';
import { useI18n } from '../i18n/useI18n';
import { countOnline, meanByUnit, recentlyChanged, topByMetric } from '../live/deviceStats';
import type { DeviceState } from '../live/deviceStore';
import { isStale } from '../live/staleness';
import { wallBounds } from '../map/bounds';
import { pm25Color } from '../map/colorScale';
import { sovereigntyLabels } from '../map/layers/sovereigntyLayer';
import { halfPixelTolerance, simplifyWards } from '../map/simplify';
import { SeaInset } from '../map/SeaInset';
import { WallMap } from '../map/WallMap';
import '../styles/wall.css';

const TOP_N = 10;
/** Cap on the hidden per-device DOM list: the newest changes first, fleet of any size. */
const DEVICE_LIST_LIMIT = 500;
/** DOM panels and ward fills follow deltas at most this often (the dots follow every frame). */
const PANEL_THROTTLE_MS = 250;
/** Online/offline colours and counts are re-evaluated on this beat even without deltas. */
const STATUS_TICK_MS = 30_000;
/** Width of the East Sea inset in CSS px at 1920×1080 (matches .sea-inset in wall.css). */
const INSET_WIDTH_PX = 340;
const WARD_FILL_ALPHA = 150;
/** Inset: ~30 px per degree, so 0.02° is still sub-pixel there. */
const INSET_TOLERANCE_DEG = 0.02;

const NO_WARDS: readonly WardFeature[] = [];
const NO_DEVICES: readonly DeviceState[] = [];

export default function WallPage() {
  const { unitCode } = displayParams();
  const { t, lang } = useI18n();
  const uiScale = useUiScale();
  const fontsReady = useFontsReady();
  const units = useUnitsData(unitCode);
  const { feed, snapshot } = useLiveFeed(unitCode);
  const now = useClock(1000);
  const statusTick = Math.floor(now / STATUS_TICK_MS) * STATUS_TICK_MS;
  const panelVersion = useThrottledValue(snapshot.valueVersion, PANEL_THROTTLE_MS);
  const store = feed?.store ?? null;

  const derived = useMemo(() => {
    const devices = store ? [...store.byId.values()] : [];
    return {
      version: panelVersion,
      means: meanByUnit(devices, 'pm25'),
      top: topByMetric(devices, 'pm25', TOP_N),
      recent: recentlyChanged(devices, DEVICE_LIST_LIMIT),
      online: countOnline(devices, statusTick),
      total: devices.length,
    };
  }, [store, panelVersion, statusTick]);

  const { children } = units;
  const bounds = useMemo(() => (units.wards ? wallBounds(units.wards) : null), [units.wards]);
  // Simplified once per load for the screen it runs on (the map area is roughly 3/4 of it).
  const wards = useMemo(() => {
    if (!units.wards || !bounds) return NO_WARDS;
    const tolerance = halfPixelTolerance(bounds, window.innerWidth * 0.75, window.innerHeight);
    return simplifyWards(units.wards, tolerance);
  }, [units.wards, bounds]);
  const insetWards = useMemo(() => simplifyWards(wards, INSET_TOLERANCE_DEG), [wards]);
  const fillFor = useCallback(
    (code: string) => pm25Color(derived.means.get(code) ?? null, WARD_FILL_ALPHA),
    [derived.means],
  );
  // Big rural communes keep their names when labels collide; tiny urban wards show on zoom-in.
  const priorityFor = useCallback(
    (code: string) => Math.round(children.get(code)?.areaKm2 ?? 0),
    [children],
  );
  const unitName = useCallback(
    (code: string | null) => (code === null ? '—' : (children.get(code)?.shortName ?? code)),
    [children],
  );
  const sovereignty = useMemo(
    () => sovereigntyLabels(t('map.hoangSa'), t('map.truongSa')),
    [t],
  );

  const layers = useWallLayers({
    wards,
    fillFor,
    fillVersion: derived.version,
    priorityFor,
    devices: store?.positioned ?? NO_DEVICES,
    valueVersion: snapshot.valueVersion,
    statusTick,
    sovereignty,
    fontsReady,
    uiScale,
  });

  const padding = useMemo(() => {
    const m = Math.round(32 * uiScale);
    return { top: m, bottom: m, left: m, right: Math.round((INSET_WIDTH_PX + 40) * uiScale) };
  }, [uiScale]);

  const unitTitle = units.unit
    ? lang === 'en' && units.unit.nameEn
      ? units.unit.nameEn
      : units.unit.name
    : null;
  const title = unitTitle ? t('app.titleWithUnit', { unit: unitTitle }) : t('app.title');
  useEffect(() => {
    document.title = title;
  }, [title]);

  const stale = isStale({
    now,
    lastDataAt: snapshot.lastDataAt,
    startedAt: snapshot.startedAt,
    phase: snapshot.phase,
    hasConnected: snapshot.hasConnected,
  });

  return (
    <div className="wall" data-testid="wall">
      <WallHeader
        title={title}
        phase={snapshot.phase}
        asOf={snapshot.asOf}
        stale={stale}
        now={now}
      />
      <main className="wall-map">
        <WallMap layers={layers} bounds={bounds} padding={padding} ariaLabel={t('map.label')} />
        <SeaInset
          wards={insetWards}
          mainBounds={bounds}
          labels={sovereignty}
          fontsReady={fontsReady}
          uiScale={uiScale}
          title={t('map.insetTitle')}
        />
        {units.wards === null && (
          <p className="map-message" role="status">
            {units.failed ? t('wall.mapLoadFailed') : t('app.loading')}
          </p>
        )}
      </main>
      <SidePanel
        unitCount={wards.length}
        online={derived.online}
        total={derived.total}
        showApproximate={wards.some((f) => f.properties.approximate)}
        top={derived.top}
        recent={derived.recent}
        unitName={unitName}
      />
    </div>
  );
}
