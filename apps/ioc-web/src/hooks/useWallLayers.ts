import type { LayersList } from '@deck.gl/core';
import { useMemo } from 'react';
import type { WardFeature } from '../api/schemas';
import type { DeviceState } from '../live/deviceStore';
import type { Rgba } from '../map/colorScale';
import { deviceLayer } from '../map/layers/deviceLayer';
import { sovereigntyLayer, type SovereigntyLabel } from '../map/layers/sovereigntyLayer';
import { wardLabelLayer, wardPolygonLayer } from '../map/layers/wardLayers';

// Layer objects are cheap descriptors recreated on change; deck.gl diffs them and recomputes
// only the attributes whose data or update trigger changed.

export interface WardLayerInput {
  wards: readonly WardFeature[];
  fillFor: (code: string) => Rgba;
  /** Changes only when a ward's colour class changes. */
  fillKey: string;
  /** The wards whose names fit at the current zoom. */
  labelWards: readonly WardFeature[];
  sovereignty: SovereigntyLabel[];
  fontsReady: boolean;
  uiScale: number;
}

/** Bottom overlay: ward fills and borders. */
export function useWardLayers(input: WardLayerInput): { base: LayersList; labels: LayersList } {
  const { wards, fillFor, fillKey, labelWards, sovereignty, fontsReady, uiScale } = input;
  const base = useMemo(
    () => [wardPolygonLayer({ id: 'ward-fills', wards, fillFor, fillVersion: fillKey, uiScale })],
    [wards, fillFor, fillKey, uiScale],
  );
  // Top overlay, above the devices so dots never hide a name. Text waits for the web font, or
  // deck.gl would cache glyphs of a fallback font.
  const labels = useMemo(
    () =>
      fontsReady
        ? [
            wardLabelLayer({ id: 'ward-labels', wards: labelWards, uiScale }),
            sovereigntyLayer('sovereignty', sovereignty, 14 * uiScale),
          ]
        : [],
    [labelWards, sovereignty, fontsReady, uiScale],
  );
  return { base, labels };
}

export interface DeviceLayerInput {
  devices: readonly DeviceState[];
  valueVersion: number;
  statusTick: number;
  uiScale: number;
}

/** Live overlay: device dots only, so a frame of deltas redraws nothing else. */
export function useDeviceLayers(input: DeviceLayerInput): LayersList {
  const { devices, valueVersion, statusTick, uiScale } = input;
  return useMemo(
    () => [deviceLayer({ id: 'devices', devices, valueVersion, statusTick, uiScale })],
    [devices, valueVersion, statusTick, uiScale],
  );
}
