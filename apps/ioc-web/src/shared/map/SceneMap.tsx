import type { LayersList } from '@deck.gl/core';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WardFeature } from '../api/schemas';
import { useDisplayWards } from './useDisplayWards';
import { useFontsReady } from './useFontsReady';
import { useThrottledValue } from '../ui/useThrottledValue';
import { useUiScale } from './useUiScale';
import { useI18n } from '../i18n/useI18n';
import type { DeviceState } from '../live/deviceStore';
import { useBasemapStyle } from './basemap';
import { alertBounds, wallBounds, type Bounds } from './bounds';
import type { Rgba } from './colorScale';
import { boxOf, leaderEnd, type Box, type PlacedLabel } from './labelPlacement';
import { MapKey, type MapKeyEntry } from './MapKey';
import { placeWithKey } from './wardKey';
import { DevicePoints, devicePointLayer, deviceRgba } from './layers/devicePoints';
import { alertPulseLayers, heatmapLayer, hexagonLayer, vesselLayers } from './layers/overlayLayers';
import { citizenLayer } from './layers/citizenLayer';
import { cameraLayer } from './layers/cameraLayer';
import { sovereigntyLabels, sovereigntyLayer } from './layers/sovereigntyLayer';
import { MAP_FONT_FAMILY } from './layers/textStyle';
import {
  contextWardLayer,
  focusWardLayer,
  placedLabelLayers,
  selectedWardLayer,
  WARD_LABEL_SIZE,
  wardPolygonLayer,
  type MapLabel,
} from './layers/wardLayers';
import { MapLegend as MapLegendView } from './MapLegend';
import { classIndex, classRgb, fillKey, scaleFor } from './measureScale';
import { labelTextWidth } from './measureText';
import type { MapCamera, MapCasePoint, SceneMapProps } from './sceneMap.types';
import { SeaInset } from './SeaInset';
import { VesselTrails } from './vesselTrails';
import { WallMap, type MapViewInfo } from './WallMap';
import './sceneMap.css';

const WARD_FILL_ALPHA = 150;
/** Hoàng Sa / Trường Sa on the main map, px of a 16 px rem: the wall's smallest text. */
const SOVEREIGNTY_LABEL_SIZE = 16;
/** Width of the East Sea inset in CSS px at 1920×1080 (.sea-inset in wall.css). */
const INSET_WIDTH_PX = 288;
/** Aggregations (heatmap, hexagons) and vessel trails follow live values at most this often. */
const AGGREGATE_THROTTLE_MS = 1000;
const NO_DEVICES: readonly DeviceState[] = [];
const NO_CONTEXT: readonly WardFeature[] = [];

/** A lon/lat box on screen, as "left,top,right,bottom" in whole pixels. */
function screenBox(view: MapViewInfo, b: Bounds): string {
  const [left, bottom] = view.project(b[0]);
  const [right, top] = view.project(b[1]);
  return [left, top, right, bottom].map((v) => Math.round(v)).join(',');
}
/** The legend re-renders only when the scene or its scale changes, not on every live frame. */
const MapLegend = memo(MapLegendView);

/**
 * A unit is labelled in the East Sea inset instead of the main map when the main map leaves it
 * out of its framing (Hoàng Sa, ~400 km offshore).
 */
function offshoreCodes(wards: readonly WardFeature[]): Set<string> {
  const b = wallBounds(wards);
  const out = new Set<string>();
  if (!b) return out;
  for (const f of wards) {
    const { labelLon: x, labelLat: y } = f.properties;
    if (x < b[0][0] || x > b[1][0] || y < b[0][1] || y > b[1][1]) out.add(f.properties.code);
  }
  return out;
}

/** Devices reporting `metric`; the previous array is kept while the membership is unchanged. */
function devicesWith(
  devices: readonly DeviceState[],
  metric: string | null,
  previous: readonly DeviceState[],
): readonly DeviceState[] {
  if (metric === null) return NO_DEVICES;
  const next = devices.filter((d) => d.latest.has(metric));
  if (next.length === previous.length && next.every((d, i) => d === previous[i])) return previous;
  return next;
}

/** Labels placed by SceneMap, in page px, for tests and assistive tech. */
const LabelList = memo(function LabelList({
  labels,
  origin,
  fontPx,
}: {
  labels: readonly (PlacedLabel & { number?: number })[];
  origin: [number, number];
  fontPx: number;
}) {
  return (
    <ul className="sr-only" data-testid="map-labels" data-font-px={fontPx.toFixed(2)}>
      {labels.map((l) => {
        const [x0, y0, x1, y1] = boxOf(l);
        return (
          <li
            key={l.id}
            data-code={l.id}
            data-number={l.number ?? ''}
            data-anchor-x={(origin[0] + l.anchorX).toFixed(1)}
            data-anchor-y={(origin[1] + l.anchorY).toFixed(1)}
            data-leader={l.leader ? 'true' : 'false'}
            data-left={(origin[0] + x0).toFixed(1)}
            data-top={(origin[1] + y0).toFixed(1)}
            data-width={(x1 - x0).toFixed(1)}
            data-height={(y1 - y0).toFixed(1)}
          />
        );
      })}
    </ul>
  );
});

/** The citizen reports drawn, for tests and assistive tech (the dots are canvas). */
const CitizenPointList = memo(function CitizenPointList({
  points,
}: {
  points: readonly MapCasePoint[];
}) {
  return (
    <ul
      className="sr-only"
      data-testid="citizen-points"
      data-count={points.length}
      data-overdue={points.filter((p) => p.overdue).length}
    >
      {points.map((p) => (
        <li key={p.id} data-code={p.code} data-overdue={p.overdue ? 'true' : 'false'}>
          {p.code}
        </li>
      ))}
    </ul>
  );
});

const NO_CAMERAS: readonly MapCamera[] = [];

/**
 * The cameras on the map as a list for screen readers and keyboards (the markers are canvas):
 * each opens the live view like a click on its marker.
 */
const CameraList = memo(function CameraList({
  cameras,
  label,
  onOpen,
}: {
  cameras: readonly MapCamera[];
  label: string;
  onOpen: ((id: string) => void) | undefined;
}) {
  return (
    <ul
      className="sr-only"
      aria-label={label}
      data-testid="map-cameras"
      data-count={cameras.length}
    >
      {cameras.map((c) => (
        <li key={c.id} data-camera-id={c.id} data-kind={c.kind}>
          {onOpen ? (
            <button
              type="button"
              onClick={() => {
                onOpen(c.id);
              }}
            >
              {c.name}
            </button>
          ) : (
            c.name
          )}
        </li>
      ))}
    </ul>
  );
});

/**
 * The map area of the wall for one scene: MapLibre (offline style, or the configured basemap)
 * with deck.gl overlays — the ward choropleth of the scene's measure, the scene's overlays
 * (devices, heatmap, hexagons, vessels, alert pulses), every unit's name — the East Sea inset
 * and the legend. Wards are pickable: a tap or click calls `onWardClick`.
 */
export function SceneMap(props: SceneMapProps) {
  const { scene, children, store, valueVersion, statusTick, alerts, measure, citizen } = props;
  const { selectedWard, onWardClick } = props;
  const { t } = useI18n();
  const uiScale = useUiScale();
  const fontsReady = useFontsReady();
  const mapStyle = useBasemapStyle();
  const { bounds: unitBounds, wards, insetWards } = useDisplayWards(props.wards);
  // The alerts scene goes to the alerts; every other scene frames the unit.
  const alertFrame = scene.kind === 'alerts' ? alertBounds(alerts) : null;
  const alertKey = alertFrame ? alertFrame.flat().join(',') : '';
  const bounds = useMemo(
    () => alertFrame ?? unitBounds,
    // alertKey: the same frame keeps the same bounds, so live updates do not move the camera.
    [alertKey, unitBounds],
  );
  const context = props.context ?? NO_CONTEXT;
  const overlays = scene.overlays;
  const metric = scene.measure.kind === 'metric' ? scene.measure.metric : null;
  const slowVersion = useThrottledValue(valueVersion, AGGREGATE_THROTTLE_MS);

  // ---- ward choropleth --------------------------------------------------------------------
  const scale = useMemo(() => scaleFor(scene.measure, measure.values), [scene.measure, measure]);
  const codes = useMemo(() => wards.map((f) => f.properties.code), [wards]);
  const key = fillKey(scale, codes, measure);
  // Keyed on the classes: the same colours keep the same function, so no re-colouring.
  const measureRef = useRef(measure);
  measureRef.current = measure;
  const fillFor = useMemo(() => {
    const m = measureRef.current;
    return (code: string): Rgba => {
      const [r, g, b] = classRgb(scale, classIndex(scale, m.values.get(code), m.status.get(code)));
      return [r, g, b, WARD_FILL_ALPHA];
    };
    // `key` captures every class of `measure` under `scale`.
  }, [key]);
  const onClickRef = useRef(onWardClick);
  onClickRef.current = onWardClick;
  const onClick = useCallback((code: string) => {
    onClickRef.current(code);
  }, []);
  const selected = useMemo(
    () => wards.find((f) => f.properties.code === selectedWard) ?? null,
    [wards, selectedWard],
  );

  // ---- live devices -----------------------------------------------------------------------
  const pointsRef = useRef<DevicePoints | null>(null);
  pointsRef.current ??= new DevicePoints();
  const points = pointsRef.current;
  const positioned = store?.positioned ?? NO_DEVICES;
  const scaleKey = scale.kind === 'sequential' ? `seq:${scale.min}:${scale.step}` : scale.kind;
  const colorKey = `${metric ?? ''}|${scaleKey}|${statusTick}`;
  const pointVersion = useMemo(() => {
    const now = Math.max(statusTick, Date.now());
    points.update(positioned, colorKey, (d) => deviceRgba(d, now, metric, scale));
    return points.version;
    // The store mutates in place; valueVersion is its change signal.
  }, [points, positioned, colorKey, valueVersion]);

  const metricDevicesRef = useRef<readonly DeviceState[]>(NO_DEVICES);
  const metricDevices = useMemo(() => {
    const needed = overlays.includes('heatmap') || overlays.includes('hexagon');
    metricDevicesRef.current = needed
      ? devicesWith(positioned, metric, metricDevicesRef.current)
      : NO_DEVICES;
    return metricDevicesRef.current;
  }, [positioned, metric, overlays, slowVersion]);

  // The legend explains the báo động colours only where a shown station has levels of its own.
  const stationsWithLevels = useMemo(
    () =>
      overlays.includes('devices') &&
      metric !== null &&
      positioned.some((d) => d.alarmLevels !== null && d.latest.has(metric)),
    [positioned, metric, overlays, slowVersion],
  );

  const trailsRef = useRef<VesselTrails | null>(null);
  trailsRef.current ??= new VesselTrails();
  const trails = trailsRef.current;
  const showVessels = overlays.includes('vessels');
  const trailVersion = useMemo(() => {
    if (showVessels && store) trails.sync(store.byId.values());
    return trails.version;
  }, [trails, store, showVessels, slowVersion]);

  const baseLayers = useMemo((): LayersList => {
    const aggregate = {
      devices: metricDevices,
      metric: metric ?? '',
      scale,
      version: slowVersion,
      uiScale,
    };
    return [
      context.length > 0 && contextWardLayer('ward-context', context, uiScale),
      wardPolygonLayer({ id: 'ward-fills', wards, fillFor, fillVersion: key, uiScale, onClick }),
      context.length > 0 && focusWardLayer('ward-focus', wards, uiScale),
      metric !== null &&
        overlays.includes('heatmap') &&
        heatmapLayer({ id: 'heatmap', ...aggregate }),
      metric !== null &&
        overlays.includes('hexagon') &&
        hexagonLayer({ id: 'hexagons', ...aggregate }),
      selectedWardLayer('ward-selected', selected, uiScale),
    ];
  }, [
    context,
    wards,
    fillFor,
    key,
    uiScale,
    onClick,
    metricDevices,
    metric,
    scale,
    slowVersion,
    overlays,
    selected,
  ]);

  const showCitizen = overlays.includes('citizen');
  const cameras = props.cameras ?? NO_CAMERAS;
  const showCameras = overlays.includes('cameras') && cameras.length > 0;
  const interactive = props.interactive ?? true;
  const cameraClickRef = useRef(props.onCameraClick);
  cameraClickRef.current = props.onCameraClick;
  const onCameraClick = useCallback((id: string) => {
    cameraClickRef.current?.(id);
  }, []);
  // The camera kinds join the legend only where there are cameras to explain.
  const legendOverlays = useMemo(
    () => (showCameras ? overlays : overlays.filter((o) => o !== 'cameras')),
    [overlays, showCameras],
  );
  const liveLayers = useMemo(
    (): LayersList => [
      showCitizen && citizenLayer('citizen', citizen, uiScale),
      showCameras &&
        cameraLayer('cameras', cameras, uiScale, interactive ? onCameraClick : undefined),
      showVessels &&
        vesselLayers({ id: 'vessels', tracks: trails.all(), version: trailVersion, uiScale }),
      devicePointLayer({
        id: 'devices',
        points,
        uiScale,
        visible: overlays.includes('devices'),
      }),
    ],
    // pointVersion is the colour buffer's change signal.
    [
      points,
      pointVersion,
      uiScale,
      overlays,
      showVessels,
      trails,
      trailVersion,
      showCitizen,
      citizen,
      showCameras,
      cameras,
      interactive,
      onCameraClick,
    ],
  );

  const showAlerts = overlays.includes('alerts') && alerts.length > 0;
  const pulse = useMemo(
    () =>
      showAlerts ? (phase: number) => alertPulseLayers('alerts', alerts, phase, uiScale) : null,
    [showAlerts, alerts, uiScale],
  );

  // ---- labels: every unit named -----------------------------------------------------------
  const offshore = useMemo(() => offshoreCodes(wards), [wards]);
  const sovereignty = useMemo(() => {
    const labels = sovereigntyLabels(t('map.hoangSa'), t('map.truongSa'));
    // Offshore units are named in the inset: by the archipelago label they lie in, or their own.
    for (const f of wards) {
      if (!offshore.has(f.properties.code)) continue;
      const p: [number, number] = [f.properties.labelLon, f.properties.labelLat];
      const near = labels.find((l) => Math.hypot(l.position[0] - p[0], l.position[1] - p[1]) < 1.5);
      if (near) near.codes = [...(near.codes ?? []), f.properties.code];
      else
        labels.push({
          text: t('mapScene.offshoreUnit', { name: f.properties.shortName }),
          position: p,
          codes: [f.properties.code],
        });
    }
    return labels;
  }, [t, wards, offshore]);

  const [view, setView] = useState<MapViewInfo | null>(null);
  const legendKey = `${scale.kind}|${overlays.join()}`;
  const hostRef = useRef<HTMLDivElement>(null);
  const [placed, setPlaced] = useState<{
    labels: (PlacedLabel & { number?: number })[];
    origin: [number, number];
  }>({
    labels: [],
    origin: [0, 0],
  });
  const [keyEntries, setKeyEntries] = useState<MapKeyEntry[]>([]);
  const [unnamed, setUnnamed] = useState(0);
  const [mapLabels, setMapLabels] = useState<MapLabel[]>([]);
  useEffect(() => {
    const host = hostRef.current;
    if (!view || !host || !fontsReady || wards.length === 0) return;
    const rect = host.getBoundingClientRect();
    // DOM furniture over the map (inset, legend) is off limits for labels.
    const boxIn = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return [r.left - rect.left, r.top - rect.top, r.right - rect.left, r.bottom - rect.top];
    };
    const furniture: Box[] = [...host.querySelectorAll('.sea-inset, .scene-legend')].map(boxIn);
    const size = WARD_LABEL_SIZE * uiScale;
    const requests = wards
      .filter((f) => !offshore.has(f.properties.code))
      .map((f) => {
        const [x, y] = view.project([f.properties.labelLon, f.properties.labelLat]);
        return { f, x, y };
      })
      // A framed-in view (alerts) names the wards it shows, and keys none it does not.
      .filter(({ x, y }) => x >= 0 && y >= 0 && x <= view.width && y <= view.height)
      .map(({ f, x, y }) => {
        return {
          id: f.properties.code,
          x,
          y,
          width: labelTextWidth(f.properties.shortName, size, MAP_FONT_FAMILY),
          height: size * 1.25,
          priority: children.get(f.properties.code)?.areaKm2 ?? 0,
        };
      });
    const numberSize = (n: number) => ({
      width: labelTextWidth(String(n), size, MAP_FONT_FAMILY) + size * 0.4,
      height: size * 1.25,
    });
    const keyEl = host.querySelector('.map-key');
    const keyBox = keyEl ? boxIn(keyEl) : null;
    // Two columns of 1.3-line rows under the key's title.
    const keyRows = keyBox
      ? Math.max(0, Math.floor((keyBox[3] - keyBox[1] - 3.4 * size) / (1.3 * size)))
      : 0;
    const place = (obstacles: Box[], rows: number) =>
      placeWithKey(
        requests,
        { width: view.width, height: view.height, obstacles, margin: 2 * uiScale },
        numberSize,
        2 * rows,
      );
    // The key's corner is reserved only when some names need it; when more need it than it
    // has rows, its last row says how many small wards go unnamed.
    let result = place(furniture, keyRows);
    if (result.key.length > 0 && keyBox) result = place([...furniture, keyBox], keyRows);
    if (result.unnamed.length > 0 && keyBox)
      result = place([...furniture, keyBox], Math.max(0, keyRows - 1));
    const names = new Map(wards.map((f) => [f.properties.code, f.properties.shortName]));
    const numberOf = new Map(result.key.map((k) => [k.code, k.n]));
    const numbers = result.numbers.map((p) => ({ ...p, number: numberOf.get(p.id) }));
    setPlaced({ labels: [...result.names, ...numbers], origin: [rect.left, rect.top] });
    setKeyEntries(
      result.key.map((k) => ({ code: k.code, n: k.n, name: names.get(k.code) ?? k.code })),
    );
    setUnnamed(result.unnamed.length);
    const toMap = (p: PlacedLabel, text: string, number: boolean): MapLabel => ({
      code: p.id,
      text,
      number,
      position: view.unproject([p.x, p.y]),
      anchor: view.unproject([p.anchorX, p.anchorY]),
      leaderEnd: p.leader ? view.unproject(leaderEnd(p, 2 * uiScale)) : null,
    });
    setMapLabels([
      ...result.names.map((p) => toMap(p, names.get(p.id) ?? p.id, false)),
      ...numbers.map((p) => toMap(p, String(p.number ?? ''), true)),
    ]);
    // The legend's size changes with the scene: re-place so no name ends up under it.
  }, [view, wards, offshore, children, fontsReady, uiScale, legendKey]);

  const labelLayers = useMemo(
    (): LayersList =>
      fontsReady
        ? [
            ...placedLabelLayers('ward-labels', mapLabels, uiScale),
            sovereigntyLayer('sovereignty', sovereignty, SOVEREIGNTY_LABEL_SIZE * uiScale),
          ]
        : [],
    [fontsReady, mapLabels, sovereignty, uiScale],
  );

  const padding = useMemo(() => {
    const m = Math.round(32 * uiScale);
    return { top: m, bottom: m, left: m, right: Math.round((INSET_WIDTH_PX + 40) * uiScale) };
  }, [uiScale]);

  // Where the framed units lie on screen (left,top,right,bottom px) in a map of `view` size: a
  // screen check reads how much of the map the wall's own unit fills.
  const framed = view && bounds ? screenBox(view, bounds) : '';

  return (
    <div
      ref={hostRef}
      className="scene-map"
      style={{ position: 'absolute', inset: 0 }}
      data-testid="scene-map"
      data-scene={scene.id}
      data-scale={scale.kind}
      data-fill-key={key}
      data-selected={selectedWard ?? ''}
      data-framed={framed}
      data-frame={alertFrame ? 'alerts' : 'unit'}
      data-context={context.length}
      data-view-size={view ? `${view.width}x${view.height}` : ''}
    >
      <WallMap
        baseLayers={baseLayers}
        liveLayers={liveLayers}
        labelLayers={labelLayers}
        bounds={bounds}
        padding={padding}
        ariaLabel={t('map.label')}
        onView={setView}
        mapStyle={mapStyle}
        pulse={pulse}
        interactive={interactive}
      />
      <SeaInset
        wards={insetWards}
        mainBounds={bounds}
        labels={sovereignty}
        fontsReady={fontsReady}
        uiScale={uiScale}
        title={t('map.insetTitle')}
      />
      <MapLegend
        measure={scene.measure}
        scale={scale}
        uom={measure.uom}
        overlays={legendOverlays}
        alarmLevels={stationsWithLevels}
      />
      <MapKey
        entries={keyEntries}
        title={t('map.keyTitle')}
        more={unnamed > 0 ? t('map.keyMore', { n: unnamed }) : null}
      />
      <LabelList labels={placed.labels} origin={placed.origin} fontPx={WARD_LABEL_SIZE * uiScale} />
      <span
        className="sr-only"
        data-testid="sovereignty-label-size"
        data-font-px={(SOVEREIGNTY_LABEL_SIZE * uiScale).toFixed(2)}
      />
      {showCitizen && <CitizenPointList points={citizen} />}
      {showCameras && (
        <CameraList
          cameras={cameras}
          label={t('camera.layer.list')}
          onOpen={interactive ? onCameraClick : undefined}
        />
      )}
      <ul className="sr-only" aria-label={t('mapScene.labels')}>
        {mapLabels.map((l) => (
          <li key={l.code}>{l.text}</li>
        ))}
      </ul>
    </div>
  );
}
