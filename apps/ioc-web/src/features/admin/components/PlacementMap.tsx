import {
  Map as MaplibreMap,
  setWorkerUrl,
  type GeoJSONSource,
  type MapLayerMouseEvent,
  type StyleSpecification,
} from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import { fetchUnitMap } from '../../../shared/api/endpoints';
import type { WardFeature } from '../../../shared/api/schemas';
import type { MessageKey } from '../../../shared/i18n/translate';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useBasemapStyle } from '../../../shared/map/basemap';
import { wallBounds } from '../../../shared/map/bounds';
import { MAP_BACKGROUND, OFFLINE_STYLE } from '../../../shared/map/mapStyle';

setWorkerUrl(maplibreWorkerUrl);

export interface PlacementMapProps {
  /** Province (or ward) whose units are drawn for orientation. */
  unitCode: string;
  lon: number | null;
  lat: number | null;
  onPick: (lon: number, lat: number) => void;
  /** What is being placed, in the map's label and hint: a device unless said otherwise. */
  texts?: { label: MessageKey; hint: MessageKey };
}

const DEVICE_TEXTS: { label: MessageKey; hint: MessageKey } = {
  label: 'admin.devices.mapLabel',
  hint: 'admin.devices.mapHint',
};

function pointData(lon: number | null, lat: number | null): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features:
      lon === null || lat === null
        ? []
        : [
            {
              type: 'Feature',
              properties: {},
              geometry: { type: 'Point', coordinates: [lon, lat] },
            },
          ],
  };
}

const emptyWards: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The placement map's own sources and layers (wards, the pin) on the plain background, or on top
 * of the platform's street basemap when one is configured — wards then lighter, so streets show.
 */
function placementStyle(
  base: StyleSpecification | null,
  wards: FeatureCollection,
  pin: FeatureCollection,
): StyleSpecification {
  const sources: StyleSpecification['sources'] = {
    wards: { type: 'geojson', data: wards },
    pin: { type: 'geojson', data: pin },
  };
  const layers: StyleSpecification['layers'] = [
    {
      id: 'ward-fill',
      type: 'fill',
      source: 'wards',
      paint: { 'fill-color': '#12314f', 'fill-opacity': base ? 0.25 : 0.6 },
    },
    {
      id: 'ward-line',
      type: 'line',
      source: 'wards',
      paint: { 'line-color': '#4d7fae', 'line-width': base ? 1.5 : 1 },
    },
    {
      id: 'pin',
      type: 'circle',
      source: 'pin',
      paint: {
        'circle-radius': 7,
        'circle-color': '#ffc440',
        'circle-stroke-color': '#050b14',
        'circle-stroke-width': 2,
      },
    },
  ];
  if (!base) {
    return {
      version: 8,
      sources,
      layers: [
        { id: 'bg', type: 'background', paint: { 'background-color': MAP_BACKGROUND } },
        ...layers,
      ],
    };
  }
  return {
    ...base,
    sources: { ...base.sources, ...sources },
    layers: [...base.layers, ...layers],
  };
}

/**
 * A small map of the unit's wards: a click places the device (the API then derives its ward
 * from the position). Offline by default (nothing fetched but the ward outlines from our own
 * API); over the platform's street basemap when web-config names one, as on the wall.
 */
export function PlacementMap({
  unitCode,
  lon,
  lat,
  onPick,
  texts = DEVICE_TEXTS,
}: PlacementMapProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MaplibreMap | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const [wards, setWards] = useState<WardFeature[] | null>(null);
  const [failed, setFailed] = useState(false);
  const basemap = useBasemapStyle();
  // What the sources hold now: a basemap swap rebuilds the style and must carry them over.
  const dataRef = useRef({ wards: emptyWards, pin: pointData(null, null) });

  useEffect(() => {
    const ctrl = new AbortController();
    setFailed(false);
    fetchUnitMap(unitCode, 'low', ctrl.signal).then(setWards, () => {
      if (!ctrl.signal.aborted) setFailed(true);
    });
    return () => {
      ctrl.abort();
    };
  }, [unitCode]);

  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const map = new MaplibreMap({
      container,
      style: placementStyle(null, emptyWards, pointData(null, null)),
      center: [108.2, 16.05],
      zoom: 9,
      // Shown only when the street basemap's source carries its credit (OpenStreetMap, ODbL).
      attributionControl: { compact: false },
      dragRotate: false,
    });
    map.getCanvas().style.cursor = 'crosshair';
    map.on('click', (e: MapLayerMouseEvent) => {
      pickRef.current(Math.round(e.lngLat.lng * 1e6) / 1e6, Math.round(e.lngLat.lat * 1e6) / 1e6);
    });
    mapRef.current = map;
    return () => {
      mapRef.current = null;
      map.remove();
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    // The bundled offline style is the wall's; this map keeps its own plain background then.
    if (!map || basemap === OFFLINE_STYLE) return;
    map.setStyle(basemap, {
      transformStyle: (_previous, next) =>
        placementStyle(next, dataRef.current.wards, dataRef.current.pin),
    });
  }, [basemap]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !wards) return;
    dataRef.current.wards = { type: 'FeatureCollection', features: wards };
    const apply = () => {
      void map.getSource<GeoJSONSource>('wards')?.setData(dataRef.current.wards);
      const b = wallBounds(wards);
      if (b) map.fitBounds(b, { padding: 16, animate: false });
    };
    if (map.isStyleLoaded()) apply();
    // 'idle', not 'load': a basemap swap may be loading a new style, and 'load' fires once.
    else map.once('idle', apply);
  }, [wards]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    dataRef.current.pin = pointData(lon, lat);
    const apply = () => {
      void map.getSource<GeoJSONSource>('pin')?.setData(dataRef.current.pin);
    };
    if (map.isStyleLoaded()) apply();
    // 'idle', not 'load': a basemap swap may be loading a new style, and 'load' fires once.
    else map.once('idle', apply);
  }, [lon, lat]);

  return (
    <div className="admin-map-wrap">
      <div
        ref={ref}
        className="admin-map"
        role="application"
        aria-label={t(texts.label)}
        data-testid="placement-map"
      />
      <small className="admin-hint">{failed ? t('admin.devices.mapFailed') : t(texts.hint)}</small>
    </div>
  );
}
