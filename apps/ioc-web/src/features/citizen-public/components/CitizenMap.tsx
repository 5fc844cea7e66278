import {
  Map as MaplibreMap,
  Marker,
  setWorkerUrl,
  type GeoJSONSource,
  type StyleSpecification,
} from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Point } from 'geojson';
import { useEffect, useRef } from 'react';
import type { WardFeature } from '../../../shared/api/schemas';
import { wallBounds } from '../../../shared/map/bounds';
import { OFFLINE_STYLE } from '../../../shared/map/mapStyle';
import { useBasemapStyle } from '../../../shared/map/basemap';
import { useI18n } from '../../../shared/i18n/useI18n';
import type { LonLat } from '../model/geo';
import { LIGHT_OFFLINE_STYLE } from '../model/mapStyle';

// Bundled MapLibre cannot find its worker on its own (see shared/map/WallMap).
setWorkerUrl(maplibreWorkerUrl);

export type PointCollection = FeatureCollection<Point, { color: string }>;

/** Street level: a tap lands within a few metres. */
const PICK_ZOOM = 16;
const ZOOM_STEP = 4;

function motion(): number {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 400;
}

const EMPTY_POINTS: PointCollection = { type: 'FeatureCollection', features: [] };

export interface CitizenMapProps {
  wards: readonly WardFeature[];
  /** The boundaries are still on their way: the map is framed once they are in (or failed). */
  wardsPending: boolean;
  /** The ward to highlight (the one under the marker). */
  selectedWard?: string | null;
  marker?: LonLat | null;
  points?: PointCollection;
  onPick?: (p: LonLat) => void;
  ariaLabel: string;
}

/** The configured basemap, or the light offline style where the wall would use its dark one. */
function useResidentStyle(): StyleSpecification | string {
  const style = useBasemapStyle();
  return style === OFFLINE_STYLE ? LIGHT_OFFLINE_STYLE : style;
}

/**
 * A phone-sized MapLibre map of the province's wards: tap to pick a point (intake), or resolved
 * reports as dots (public map). Works offline: without a configured basemap it draws only our
 * own land and ward boundaries. Exposes, for screen checks, `data-map-state="drawn"` once
 * drawn and framed, `data-view="west,south,east,north"` (the visible extent), `data-zoom` and
 * `data-moving`, so a test can turn a position into a pixel without reaching into the map.
 */
export function CitizenMap({
  wards,
  wardsPending,
  selectedWard = null,
  marker = null,
  points,
  onPick,
  ariaLabel,
}: CitizenMapProps) {
  const { lang } = useI18n();
  const style = useResidentStyle();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MaplibreMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;
  const dataRef = useRef({ wards, selectedWard, points: points ?? EMPTY_POINTS });
  dataRef.current = { wards, selectedWard, points: points ?? EMPTY_POINTS };
  const fittedRef = useRef(false);
  /** The marker's last move came from a tap on the map (which moved the camera itself). */
  const tappedRef = useRef(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const map = new MaplibreMap({
      container,
      style,
      center: [108.2, 16.05],
      zoom: 8,
      attributionControl: false,
      renderWorldCopies: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      // One finger scrolls the page, two move the map: the map sits inside a long form.
      cooperativeGestures: true,
      locale: {
        'CooperativeGesturesHandler.WindowsHelpText': 'Ctrl + cuộn để phóng to, thu nhỏ bản đồ',
        'CooperativeGesturesHandler.MacHelpText': '⌘ + cuộn để phóng to, thu nhỏ bản đồ',
        'CooperativeGesturesHandler.MobileHelpText': 'Dùng hai ngón tay để di chuyển bản đồ',
      },
    });
    map.touchZoomRotate.disableRotation();
    mapRef.current = map;

    const report = (): void => {
      const b = map.getBounds();
      container.dataset.view = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].join(',');
      container.dataset.zoom = map.getZoom().toFixed(2);
    };
    map.on('movestart', () => {
      container.dataset.moving = 'true';
    });
    map.on('moveend', () => {
      report();
      container.dataset.moving = 'false';
    });
    map.on('resize', report);
    // Our layers go on top of whatever style is loaded (again after a basemap swap).
    map.on('style.load', () => {
      addOverlay(map);
      syncOverlay(map, dataRef.current);
      report();
    });
    map.on('click', (e) => {
      if (!onPickRef.current) return;
      tappedRef.current = true;
      onPickRef.current({ lon: e.lngLat.lng, lat: e.lngLat.lat });
      // A whole province on a phone is hundreds of metres per pixel: each tap also brings the
      // spot closer (a few zoom levels at a time, so it stays on screen), and the next tap
      // refines the marker, down to street level.
      const zoom = map.getZoom();
      if (zoom < PICK_ZOOM - 0.5)
        map.easeTo({
          center: e.lngLat,
          zoom: Math.min(PICK_ZOOM, zoom + ZOOM_STEP),
          duration: motion(),
        });
    });
    const observer = new ResizeObserver(() => {
      map.resize();
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      markerRef.current = null;
      mapRef.current = null;
      fittedRef.current = false;
      map.remove();
    };
    // Made once: a later style is swapped in place below.
  }, []);

  const firstStyle = useRef(style);
  useEffect(() => {
    if (style === firstStyle.current) return;
    firstStyle.current = style;
    mapRef.current?.setStyle(style);
  }, [style]);

  useEffect(() => {
    const map = mapRef.current;
    const container = containerRef.current;
    if (!map || !container) return;
    if (map.isStyleLoaded())
      syncOverlay(map, { wards, selectedWard, points: points ?? EMPTY_POINTS });
    if (fittedRef.current || wardsPending) return;
    fittedRef.current = true;
    const b = wallBounds(wards);
    if (b) map.fitBounds(b, { padding: 12, animate: false });
    // Tells a screen check that the map is drawn and will not move by itself any more.
    map.once('idle', () => {
      container.dataset.mapState = 'drawn';
    });
  }, [wards, wardsPending, selectedWard, points]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (marker === null) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    markerRef.current ??= new Marker({ color: '#c0262d' })
      .setLngLat([marker.lon, marker.lat])
      .addTo(map);
    markerRef.current.setLngLat([marker.lon, marker.lat]);
    if (tappedRef.current) {
      tappedRef.current = false;
      return;
    }
    // A position from the phone: show the street around it.
    map.easeTo({
      center: [marker.lon, marker.lat],
      zoom: Math.max(map.getZoom(), PICK_ZOOM),
      duration: motion(),
    });
  }, [marker]);

  return (
    <div
      ref={containerRef}
      className="citizen-map"
      role="application"
      aria-label={ariaLabel}
      lang={lang}
      data-testid="citizen-map"
      data-map-state="loading"
      data-moving="false"
    />
  );
}

function addOverlay(map: MaplibreMap): void {
  if (map.getSource('wards')) return;
  map.addSource('wards', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addSource('points', { type: 'geojson', data: EMPTY_POINTS });
  map.addLayer({
    id: 'ward-fill',
    type: 'fill',
    source: 'wards',
    paint: {
      'fill-color': ['case', ['boolean', ['get', 'selected'], false], '#ffd54f', '#ffffff'],
      'fill-opacity': ['case', ['boolean', ['get', 'selected'], false], 0.45, 0.15],
    },
  });
  map.addLayer({
    id: 'ward-line',
    type: 'line',
    source: 'wards',
    paint: { 'line-color': '#4a6a8a', 'line-width': 1 },
  });
  map.addLayer({
    id: 'points',
    type: 'circle',
    source: 'points',
    paint: {
      'circle-radius': 6,
      'circle-color': ['get', 'color'],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  });
}

function syncOverlay(
  map: MaplibreMap,
  d: { wards: readonly WardFeature[]; selectedWard: string | null; points: PointCollection },
): void {
  const wardSource = map.getSource<GeoJSONSource>('wards');
  const pointSource = map.getSource<GeoJSONSource>('points');
  // setData answers when the worker has the data; nothing waits for it.
  void wardSource?.setData({
    type: 'FeatureCollection',
    features: d.wards.map((w) => ({
      type: 'Feature',
      geometry: w.geometry,
      properties: { code: w.properties.code, selected: w.properties.code === d.selectedWard },
    })),
  });
  void pointSource?.setData(d.points);
}
