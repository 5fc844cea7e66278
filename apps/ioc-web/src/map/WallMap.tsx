import { MapboxOverlay } from '@deck.gl/mapbox';
import type { LayersList } from '@deck.gl/core';
import { Map as MaplibreMap, setWorkerUrl, type PaddingOptions } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import type { Bounds } from './bounds';
import { OFFLINE_STYLE } from './mapStyle';

// MapLibre 6 locates its worker next to its own module; once bundled that guess points at our
// chunk, so hand it the worker file Vite emitted (same origin, works offline).
setWorkerUrl(maplibreWorkerUrl);

export interface WallMapProps {
  /** Ward geometry: redrawn on camera moves and when a fill class flips. */
  baseLayers: LayersList;
  /** Devices: redrawn on every frame that applied deltas. */
  liveLayers: LayersList;
  /** Names, above the devices: redrawn on camera moves and zoom-dependent placement. */
  labelLayers: LayersList;
  /** Extent to frame; refitted when it changes and when the map is resized. */
  bounds: Bounds | null;
  padding: PaddingOptions;
  ariaLabel: string;
  /** Called with the zoom after every camera change (label decluttering depends on it). */
  onZoom?: (zoom: number) => void;
}

/**
 * MapLibre (camera, interaction, offline background) with deck.gl drawn over it by
 * MapboxOverlays in overlaid mode (`interleaved: false`): deck.gl keeps its own canvases, so
 * its layers update without touching MapLibre's render loop.
 *
 * Three stacked overlays (base, live, labels), because deck.gl redraws every layer of a canvas
 * whenever any layer changes: with ward borders (thousands of path segments) and devices in
 * one canvas, each live delta would redraw the borders too. Split, a delta frame costs about
 * what a bare ScatterplotLayer costs — a large difference on software-rendered GPUs — and
 * labels can still sit above the dots.
 */
export function WallMap(props: WallMapProps) {
  const { baseLayers, liveLayers, labelLayers, bounds, padding, ariaLabel, onZoom } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MaplibreMap | null>(null);
  const baseRef = useRef<MapboxOverlay | null>(null);
  const liveRef = useRef<MapboxOverlay | null>(null);
  const labelRef = useRef<MapboxOverlay | null>(null);
  const fitRef = useRef<{ bounds: Bounds | null; padding: PaddingOptions }>({ bounds, padding });
  fitRef.current = { bounds, padding };
  const onZoomRef = useRef(onZoom);
  onZoomRef.current = onZoom;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const map = new MaplibreMap({
      container,
      style: OFFLINE_STYLE,
      center: [108.2, 16.05],
      zoom: 8,
      attributionControl: false,
      renderWorldCopies: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
    });
    // Added in stacking order: each overlay's canvas lies above the previous one's.
    const [base, live, labels] = [0, 1, 2].map(
      () => new MapboxOverlay({ interleaved: false, layers: [] }),
    ) as [MapboxOverlay, MapboxOverlay, MapboxOverlay];
    map.addControl(base);
    map.addControl(live);
    map.addControl(labels);
    mapRef.current = map;
    baseRef.current = base;
    liveRef.current = live;
    labelRef.current = labels;

    map.on('moveend', () => {
      onZoomRef.current?.(map.getZoom());
    });
    const fit = (): void => {
      const { bounds: b, padding: p } = fitRef.current;
      if (b) map.fitBounds(b, { padding: p, animate: false });
    };
    // A wall's window is resized when the display wakes or the layout changes; keep it framed.
    const observer = new ResizeObserver(() => {
      map.resize();
      fit();
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      mapRef.current = null;
      baseRef.current = null;
      liveRef.current = null;
      labelRef.current = null;
      map.remove();
    };
  }, []);

  useEffect(() => {
    baseRef.current?.setProps({ layers: baseLayers });
  }, [baseLayers]);

  useEffect(() => {
    liveRef.current?.setProps({ layers: liveLayers });
  }, [liveLayers]);

  useEffect(() => {
    labelRef.current?.setProps({ layers: labelLayers });
  }, [labelLayers]);

  useEffect(() => {
    if (bounds) mapRef.current?.fitBounds(bounds, { padding, animate: false });
  }, [bounds, padding]);

  return <div ref={containerRef} className="wall-map-canvas" role="img" aria-label={ariaLabel} />;
}
