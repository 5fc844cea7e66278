import type { UnitSummary } from '@ioc/contracts';
import { useMemo } from 'react';
import type { WardFeature } from '../api/schemas';
import { declutterLabels } from '../map/declutter';
import { MAP_FONT_FAMILY } from '../map/layers/textStyle';
import { WARD_LABEL_SIZE } from '../map/layers/wardLayers';
import { labelTextWidth } from '../map/measureText';

const NONE: readonly WardFeature[] = [];

/**
 * The wards whose names fit without overlapping at `zoom`. Big rural communes win collisions
 * (priority = area), so the overview stays readable; small urban wards appear on zoom-in.
 */
export function useWardLabels(
  wards: readonly WardFeature[],
  units: ReadonlyMap<string, UnitSummary>,
  zoom: number | null,
  uiScale: number,
  fontsReady: boolean,
): readonly WardFeature[] {
  return useMemo(() => {
    // Text is measured in the web font, so wait for it as the label layer does.
    if (zoom === null || !fontsReady) return NONE;
    const size = WARD_LABEL_SIZE * uiScale;
    const shown = declutterLabels(
      wards.map((f) => ({
        id: f.properties.code,
        text: f.properties.shortName,
        lon: f.properties.labelLon,
        lat: f.properties.labelLat,
        priority: units.get(f.properties.code)?.areaKm2 ?? 0,
      })),
      zoom,
      (text) => labelTextWidth(text, size, MAP_FONT_FAMILY),
      size * 1.2,
      3 * uiScale,
    );
    return wards.filter((f) => shown.has(f.properties.code));
  }, [wards, units, zoom, uiScale, fontsReady]);
}
