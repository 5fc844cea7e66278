import type { LayersList } from '@deck.gl/core';
import { useMemo } from 'react';
import type { WardFeature } from '../api/schemas';
import type { DeviceState } from '../live/deviceStore';
import type { Rgba } from '../map/colorScale';
import { deviceLayer } from '../map/layers/deviceLayer';
import { sovereigntyLayer, type SovereigntyLabel } from '../map/layers/sovereigntyLayer';
import { wardLabelLayer, wardPolygonLayer } from '../map/layers/wardLayers';

export interface WallLayerInput {
  wards: readonly WardFeature[];
  fillFor: (code: string) => Rgba;
  fillVersion: number;
  priorityFor: (code: string) => number;
  devices: readonly DeviceState[];
  valueVersion: number;
  statusTick: number;
  sovereignty: SovereigntyLabel[];
  fontsReady: boolean;
  uiScale: number;
}

/**
 * Main-map layers, bottom to top: ward fills, devices, ward names, sovereignty labels.
 * Layer objects are cheap descriptors recreated on every change; deck.gl diffs them and only
 * recomputes the attributes whose data or update trigger changed.
 */
export function useWallLayers(input: WallLayerInput): LayersList {
  const {
    wards,
    fillFor,
    fillVersion,
    priorityFor,
    devices,
    valueVersion,
    statusTick,
    sovereignty,
    fontsReady,
    uiScale,
  } = input;
  return useMemo(
    () => [
      wardPolygonLayer({ id: 'ward-fills', wards, fillFor, fillVersion, uiScale }),
      deviceLayer({ id: 'devices', devices, valueVersion, statusTick, uiScale }),
      // Text waits for the web font, or deck.gl would cache glyphs of a fallback font.
      fontsReady && wardLabelLayer({ id: 'ward-labels', wards, uiScale, priorityFor }),
      fontsReady && sovereigntyLayer('sovereignty', sovereignty, 14 * uiScale),
    ],
    [
      wards,
      fillFor,
      fillVersion,
      priorityFor,
      devices,
      valueVersion,
      statusTick,
      sovereignty,
      fontsReady,
      uiScale,
    ],
  );
}
