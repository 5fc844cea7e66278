import { useCallback, useEffect, useMemo, useState } from 'react';
import { displayParams } from '../app/urlParams';
import { SidePanel } from '../components/wall/SidePanel';
import { WallHeader } from '../components/wall/WallHeader';
import { useClock } from '../hooks/useClock';
import { useDisplayWards } from '../hooks/useDisplayWards';
import { useFontsReady } from '../hooks/useFontsReady';
import { useLiveFeed } from '../hooks/useLiveFeed';
import { usePanelStats } from '../hooks/usePanelStats';
import { useThrottledValue } from '../hooks/useThrottledValue';
import { useUiScale } from '../hooks/useUiScale';
import { useUnitsData } from '../hooks/useUnitsData';
import { useDeviceLayers, useWardLayers } from '../hooks/useWallLayers';
import { useWardFill } from '../hooks/useWardFill';
import { useWardLabels } from '../hooks/useWardLabels';
import { useI18n } from '../i18n/useI18n';
import type { DeviceState } from '../live/deviceStore';
import { isStale } from '../live/staleness';
import { sovereigntyLabels } from '../map/layers/sovereigntyLayer';
import { SeaInset } from '../map/SeaInset';
import { WallMap } from '../map/WallMap';
import '../styles/wall.css';

const PANEL = { topN: 12, recentLimit: 500 } as const;
/** DOM panels and ward fills follow deltas at most this often (the dots follow every frame). */
const PANEL_THROTTLE_MS = 250;
/** Online/offline colours and counts are re-evaluated on this beat even without deltas. */
const STATUS_TICK_MS = 30_000;
/** Width of the East Sea inset in CSS px at 1920×1080 (matches .sea-inset in wall.css). */
const INSET_WIDTH_PX = 340;
const WARD_FILL_ALPHA = 150;

const NO_DEVICES: readonly DeviceState[] = [];

/** The live wall: header, map with East Sea inset, side panel. */
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
  const stats = usePanelStats(store, panelVersion, statusTick, PANEL);

  const { children } = units;
  const { bounds, wards, insetWards } = useDisplayWards(units.wards);
  const fill = useWardFill(wards, stats.means, WARD_FILL_ALPHA);
  const [zoom, setZoom] = useState<number | null>(null);
  const onZoom = useCallback((z: number) => {
    // A tenth of a zoom level is invisible to placement; avoid re-running on tiny changes.
    setZoom(Math.round(z * 10) / 10);
  }, []);
  const labelWards = useWardLabels(wards, children, zoom, uiScale, fontsReady);
  const unitName = useCallback(
    (code: string | null) => (code === null ? '—' : (children.get(code)?.shortName ?? code)),
    [children],
  );
  const sovereignty = useMemo(() => sovereigntyLabels(t('map.hoangSa'), t('map.truongSa')), [t]);

  const wardLayers = useWardLayers({
    wards,
    fillFor: fill.fillFor,
    fillKey: fill.key,
    labelWards,
    sovereignty,
    fontsReady,
    uiScale,
  });
  const liveLayers = useDeviceLayers({
    devices: store?.positioned ?? NO_DEVICES,
    valueVersion: snapshot.valueVersion,
    statusTick,
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
        <WallMap
          baseLayers={wardLayers.base}
          liveLayers={liveLayers}
          labelLayers={wardLayers.labels}
          bounds={bounds}
          padding={padding}
          ariaLabel={t('map.label')}
          onZoom={onZoom}
        />
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
        online={stats.online}
        total={stats.total}
        showApproximate={wards.some((f) => f.properties.approximate)}
        top={stats.top}
        recent={stats.recent}
        unitName={unitName}
      />
    </div>
  );
}
