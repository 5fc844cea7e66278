import { HeatmapLayer, HexagonLayer } from '@deck.gl/aggregation-layers';
import type { Color } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { DeviceState } from '../../live/deviceStore';
import { PM25_CLASSES, SEVERITY_RGB } from '../colorScale';
import { SEQUENTIAL_RGB, type MeasureScale } from '../measureScale';
import type { MapAlert } from '../sceneMap.types';
import type { VesselTrack } from '../vesselTrails';

function rampFor(scale: MeasureScale): Color[] {
  const rgb = scale.kind === 'aqi' ? PM25_CLASSES.map((c) => c.rgb) : SEQUENTIAL_RGB;
  return rgb.map(([r, g, b]) => [r, g, b] as Color);
}

function domainFor(scale: MeasureScale): [number, number] | null {
  if (scale.kind === 'aqi') return [0, 300];
  if (scale.kind === 'sequential') return [scale.min, scale.max];
  return null;
}

export interface AggregationInput {
  id: string;
  /** Devices that report the metric; replaced only when that set changes. */
  devices: readonly DeviceState[];
  metric: string;
  scale: MeasureScale;
  /** Throttled value version: aggregation is re-run at most a few times a second. */
  version: number;
  uiScale: number;
}

const valueOf = (metric: string) => (d: DeviceState) => d.latest.get(metric)?.value ?? 0;

/** Density of the metric's values (GPU-weighted heatmap). */
export function heatmapLayer(input: AggregationInput) {
  return new HeatmapLayer<DeviceState>({
    id: input.id,
    data: input.devices,
    getPosition: (d) => [d.lon ?? 0, d.lat ?? 0],
    getWeight: valueOf(input.metric),
    radiusPixels: 40 * input.uiScale,
    aggregation: 'MEAN',
    colorRange: rampFor(input.scale),
    opacity: 0.55,
    updateTriggers: { getWeight: [input.version, input.metric] },
  });
}

/** Mean of the metric per hexagon (≈1.5 km cells), coloured on the scene's scale. */
export function hexagonLayer(input: AggregationInput) {
  const domain = domainFor(input.scale);
  return new HexagonLayer<DeviceState>({
    id: input.id,
    data: input.devices,
    getPosition: (d) => [d.lon ?? 0, d.lat ?? 0],
    getColorWeight: valueOf(input.metric),
    colorAggregation: 'MEAN',
    radius: 1500,
    coverage: 0.9,
    extruded: false,
    gpuAggregation: true,
    colorRange: rampFor(input.scale),
    colorScaleType: 'quantize',
    ...(domain ? { colorDomain: domain } : {}),
    opacity: 0.6,
    updateTriggers: { getColorWeight: [input.version, input.metric] },
  });
}

export interface VesselInput {
  id: string;
  tracks: readonly VesselTrack[];
  version: number;
  uiScale: number;
}

/** Fishing vessels: a fading trail of their last positions and a dot at the newest one. */
export function vesselLayers(input: VesselInput) {
  return [
    new PathLayer<VesselTrack>({
      id: `${input.id}-trails`,
      data: input.tracks as VesselTrack[],
      getPath: (t) => t.path,
      getColor: [255, 214, 102, 170],
      widthUnits: 'pixels',
      getWidth: 2 * input.uiScale,
      capRounded: true,
      jointRounded: true,
      updateTriggers: { getPath: input.version },
    }),
    new ScatterplotLayer<VesselTrack>({
      id: `${input.id}-heads`,
      data: input.tracks as VesselTrack[],
      getPosition: (t) => t.path[t.path.length - 1] ?? [0, 0],
      getFillColor: [255, 214, 102, 255],
      getLineColor: [4, 10, 18, 230],
      stroked: true,
      radiusUnits: 'pixels',
      getRadius: 6 * input.uiScale,
      lineWidthUnits: 'pixels',
      getLineWidth: Math.max(1, input.uiScale),
      updateTriggers: { getPosition: input.version },
    }),
  ];
}

/**
 * Open alerts as pulsing rings. The pulse is `phase` (0–1) applied through `radiusScale` and
 * `opacity` — uniforms, not attributes — so an animation frame recomputes nothing and redraws
 * only this small layer (it sits in an overlay of its own).
 */
export function alertPulseLayers(
  id: string,
  alerts: readonly MapAlert[],
  phase: number,
  uiScale: number,
) {
  return [
    new ScatterplotLayer<MapAlert>({
      id: `${id}-ring`,
      data: alerts as MapAlert[],
      getPosition: (a) => [a.lon, a.lat],
      getLineColor: (a) => [...SEVERITY_RGB[a.severity], 255],
      filled: false,
      stroked: true,
      radiusUnits: 'pixels',
      getRadius: 9 * uiScale,
      radiusScale: 1 + 1.6 * phase,
      lineWidthUnits: 'pixels',
      getLineWidth: 2.5 * uiScale,
      opacity: 1 - 0.85 * phase,
    }),
    new ScatterplotLayer<MapAlert>({
      id: `${id}-core`,
      data: alerts as MapAlert[],
      getPosition: (a) => [a.lon, a.lat],
      getFillColor: (a) => [...SEVERITY_RGB[a.severity], 255],
      getLineColor: [255, 255, 255, 230],
      stroked: true,
      radiusUnits: 'pixels',
      getRadius: 6 * uiScale,
      lineWidthUnits: 'pixels',
      getLineWidth: Math.max(1, uiScale),
    }),
  ];
}
