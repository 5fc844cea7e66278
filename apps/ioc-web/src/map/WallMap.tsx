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
  layers: LayersList;
  /** Extent to frame; refitted when it changes and when the map is resized. */
  bounds: Bounds | null;
  padding: PaddingOptions;
  ariaLabel: string;
}

/**
 * MapLibre (camera, interaction, offline background) with deck.gl drawn over it by a
 * MapboxOverlay in overlaid mode (`interleaved: false`): deck.gl keeps its own canvas, so its
 * layers update without touching MapLibre's render loop.
 */
export function WallMap({ layers, bounds, padding, ariaLabel }: WallMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MaplibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const fitRef = useRef<{ bounds: Bounds | null; padding: PaddingOptions }>({ bounds, padding });
  fitRef.current = { bounds, padding };

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
    const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
    map.addControl(overlay);
    mapRef.current = map;
    overlayRef.current = overlay;

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
      overlayRef.current = null;
      map.remove();
    };
  }, []);

  useEffect(() => {
    overlayRef.current?.setProps({ layers });
  }, [layers]);

  useEffect(() => {
    if (bounds) mapRef.current?.fitBounds(bounds, { padding, animate: false });
  }, [bounds, padding]);

  return <div ref={containerRef} className="wall-map-canvas" role="img" aria-label={ariaLabel} />;
}
