import {
  Map as MaplibreMap,
  setWorkerUrl,
  type GeoJSONSource,
  type MapLayerMouseEvent,
} from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState } from 'react';
import { fetchUnitMap } from '../../../shared/api/endpoints';
import type { WardFeature } from '../../../shared/api/schemas';
import { useI18n } from '../../../shared/i18n/useI18n';
import { wallBounds } from '../../../shared/map/bounds';
import { MAP_BACKGROUND } from '../../../shared/map/mapStyle';

setWorkerUrl(maplibreWorkerUrl);

export interface PlacementMapProps {
  /** Province (or ward) whose units are drawn for orientation. */
  unitCode: string;
  lon: number | null;
  lat: number | null;
  onPick: (lon: number, lat: number) => void;
}

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

/**
 * A small offline map of the unit's wards: a click places the device (the API then derives its
 * ward from the position). Nothing is fetched but the ward outlines from our own API.
 */
export function PlacementMap({ unitCode, lon, lat, onPick }: PlacementMapProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MaplibreMap | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const [wards, setWards] = useState<WardFeature[] | null>(null);
  const [failed, setFailed] = useState(false);

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
      style: {
        version: 8,
        sources: {
          wards: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
          pin: { type: 'geojson', data: pointData(null, null) },
        },
        layers: [
          { id: 'bg', type: 'background', paint: { 'background-color': MAP_BACKGROUND } },
          {
            id: 'ward-fill',
            type: 'fill',
            source: 'wards',
            paint: { 'fill-color': '#12314f', 'fill-opacity': 0.6 },
          },
          {
            id: 'ward-line',
            type: 'line',
            source: 'wards',
            paint: { 'line-color': '#4d7fae', 'line-width': 1 },
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
        ],
      },
      center: [108.2, 16.05],
      zoom: 9,
      attributionControl: false,
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
    if (!map || !wards) return;
    const apply = () => {
      void map.getSource<GeoJSONSource>('wards')?.setData({
        type: 'FeatureCollection',
        features: wards,
      });
      const b = wallBounds(wards);
      if (b) map.fitBounds(b, { padding: 16, animate: false });
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
  }, [wards]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      void map.getSource<GeoJSONSource>('pin')?.setData(pointData(lon, lat));
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
  }, [lon, lat]);

  return (
    <div className="admin-map-wrap">
      <div
        ref={ref}
        className="admin-map"
        role="application"
        aria-label={t('admin.devices.mapLabel')}
        data-testid="placement-map"
      />
      <small className="admin-hint">
        {failed ? t('admin.devices.mapFailed') : t('admin.devices.mapHint')}
      </small>
    </div>
  );
}
