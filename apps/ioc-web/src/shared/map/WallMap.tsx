import { MapboxOverlay } from '@deck.gl/mapbox';
import type { LayersList } from '@deck.gl/core';
import {
  Map as MaplibreMap,
  setWorkerUrl,
  type PaddingOptions,
  type StyleSpecification,
} from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import type { Bounds } from './bounds';
import { exposeDrawnLayers } from './drawnLayers';
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
  /** Called after load, every camera change and resize: label placement works in screen px. */
  onView?: (view: MapViewInfo) => void;
  /** Basemap; the built-in offline style when absent. */
  mapStyle?: StyleSpecification | string;
  /**
   * Animated layers (alert pulses) in an overlay of their own, rebuilt `PULSE_FPS` times a
   * second with the phase (0–1); nothing else is redrawn by the animation.
   */
  pulse?: ((phase: number) => LayersList) | null;
  /** false: MapLibre takes no mouse, touch or keyboard input (a kiosk wall). Read at creation. */
  interactive?: boolean;
}

export interface MapViewInfo {
  zoom: number;
  width: number;
  height: number;
  project: (lonLat: [number, number]) => [number, number];
  unproject: (xy: [number, number]) => [number, number];
}

/** A pulse reads as smooth at this rate and costs a quarter of full-rate animation. */
export const PULSE_FPS = 15;
const PULSE_PERIOD_MS = 1600;

/**
 * MapLibre (camera, interaction, offline background) with deck.gl drawn over it by
 * MapboxOverlays in overlaid mode (`interleaved: false`): deck.gl keeps its own canvases, so
 * its layers update without touching MapLibre's render loop.
 *
 * Stacked overlays (base, live, labels, pulses), because deck.gl redraws every layer of a canvas
 * whenever any layer changes: with ward borders (thousands of path segments) and devices in
 * one canvas, each live delta would redraw the borders too. Split, a delta frame costs about
 * what a bare ScatterplotLayer costs — a large difference on software-rendered GPUs — and
 * labels can still sit above the dots.
 */
export function WallMap(props: WallMapProps) {
  const { baseLayers, liveLayers, labelLayers, bounds, padding, ariaLabel, onZoom } = props;
  const { onView, mapStyle, pulse, interactive = true } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MaplibreMap | null>(null);
  const baseRef = useRef<MapboxOverlay | null>(null);
  const liveRef = useRef<MapboxOverlay | null>(null);
  const labelRef = useRef<MapboxOverlay | null>(null);
  const pulseRef = useRef<MapboxOverlay | null>(null);
  const onViewRef = useRef(onView);
  onViewRef.current = onView;
  const fitRef = useRef<{ bounds: Bounds | null; padding: PaddingOptions }>({ bounds, padding });
  fitRef.current = { bounds, padding };
  const onZoomRef = useRef(onZoom);
  onZoomRef.current = onZoom;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const map = new MaplibreMap({
      container,
      style: mapStyle ?? OFFLINE_STYLE,
      center: [108.2, 16.05],
      zoom: 8,
      // Shown only when a source carries a credit (a street basemap: © OpenStreetMap, ODbL);
      // the bundled offline style has none, so the default wall shows nothing there.
      attributionControl: { compact: false },
      renderWorldCopies: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      interactive,
    });
    // Added in stacking order: each overlay's canvas lies above the previous one's.
    const [base, live, labels, pulses] = [0, 1, 2, 3].map(
      () => new MapboxOverlay({ interleaved: false, layers: [] }),
    ) as [MapboxOverlay, MapboxOverlay, MapboxOverlay, MapboxOverlay];
    map.addControl(base);
    map.addControl(live);
    map.addControl(labels);
    map.addControl(pulses);
    mapRef.current = map;
    baseRef.current = base;
    liveRef.current = live;
    labelRef.current = labels;
    pulseRef.current = pulses;

    const reportView = (): void => {
      const canvas = map.getContainer();
      onViewRef.current?.({
        zoom: map.getZoom(),
        width: canvas.clientWidth,
        height: canvas.clientHeight,
        project: ([lon, lat]) => {
          const p = map.project([lon, lat]);
          return [p.x, p.y];
        },
        unproject: ([x, y]) => {
          const l = map.unproject([x, y]);
          return [l.lng, l.lat];
        },
      });
    };
    map.on('moveend', () => {
      onZoomRef.current?.(map.getZoom());
      reportView();
    });
    map.on('load', reportView);
    // Tells a screen check that the map has drawn once (its workers started, its style loaded).
    map.once('idle', () => {
      container.dataset.mapState = 'drawn';
    });
    const fit = (): void => {
      const { bounds: b, padding: p } = fitRef.current;
      if (b) map.fitBounds(b, { padding: p, animate: false });
    };
    // A wall's window is resized when the display wakes or the layout changes; keep it framed.
    const observer = new ResizeObserver(() => {
      map.resize();
      fit();
      reportView();
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      mapRef.current = null;
      baseRef.current = null;
      liveRef.current = null;
      labelRef.current = null;
      pulseRef.current = null;
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
    if (containerRef.current) exposeDrawnLayers(containerRef.current, labelLayers);
  }, [labelLayers]);

  useEffect(() => {
    if (bounds) mapRef.current?.fitBounds(bounds, { padding, animate: false });
  }, [bounds, padding]);

  // The style is given at construction; later changes (web-config answered) swap it in place.
  const firstStyle = useRef(mapStyle);
  useEffect(() => {
    if (mapStyle === firstStyle.current) return;
    firstStyle.current = mapStyle;
    mapRef.current?.setStyle(mapStyle ?? OFFLINE_STYLE);
  }, [mapStyle]);

  useEffect(() => {
    const overlay = pulseRef.current;
    if (!overlay) return undefined;
    if (!pulse) {
      overlay.setProps({ layers: [] });
      return undefined;
    }
    const draw = (): void => {
      overlay.setProps({ layers: pulse((performance.now() % PULSE_PERIOD_MS) / PULSE_PERIOD_MS) });
    };
    draw();
    const timer = setInterval(draw, 1000 / PULSE_FPS);
    return () => {
      clearInterval(timer);
    };
  }, [pulse]);

  return <div ref={containerRef} className="wall-map-canvas" role="img" aria-label={ariaLabel} />;
}
