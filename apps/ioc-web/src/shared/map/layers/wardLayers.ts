import { PathStyleExtension } from '@deck.gl/extensions';
import type { PathStyleExtensionProps } from '@deck.gl/extensions';
import { GeoJsonLayer, LineLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import type { WardFeature, WardProperties } from '../../api/schemas';
import type { Rgba } from '../colorScale';
import { LABEL_HALO, MAP_FONT_FAMILY, MAP_FONT_SETTINGS } from './textStyle';

// Extensions are stateless descriptors; sharing one instance avoids re-initialising shaders.
const dashed = new PathStyleExtension({ dash: true });

const SOLID: [number, number] = [0, 0];
const DASH: [number, number] = [4, 3];

/** Approximate cells are generated, not surveyed: paler fill, fainter dashed edge. */
const APPROXIMATE_FILL_FACTOR = 0.55;

export interface WardPolygonInput {
  id: string;
  wards: readonly WardFeature[];
  /** Current fill of a unit, e.g. its mean PM2.5 colour. */
  fillFor: (code: string) => Rgba;
  /** Change to recompute fills; geometry is tessellated only when `wards` changes. */
  fillVersion: number | string;
  uiScale: number;
  /** Tap/click on a ward (deck.gl picking); the layer is not pickable without it. */
  onClick?: (code: string) => void;
}

/** What GeoJsonLayer hands its accessors (it accepts any geometry). */
type AnyWard = Feature<Geometry, WardProperties>;

export function wardPolygonLayer(input: WardPolygonInput) {
  return new GeoJsonLayer<WardProperties, PathStyleExtensionProps<AnyWard>>({
    id: input.id,
    data: input.wards as WardFeature[],
    filled: true,
    stroked: true,
    getFillColor: (f: AnyWard) => {
      const c = input.fillFor(f.properties.code);
      return f.properties.approximate ? [c[0], c[1], c[2], c[3] * APPROXIMATE_FILL_FACTOR] : c;
    },
    getLineColor: (f: AnyWard) =>
      f.properties.approximate ? [190, 210, 235, 120] : [165, 190, 220, 210],
    lineWidthUnits: 'pixels',
    getLineWidth: Math.max(1, input.uiScale),
    extensions: [dashed],
    getDashArray: (f: AnyWard) => (f.properties.approximate ? DASH : SOLID),
    dashJustified: true,
    pickable: input.onClick !== undefined,
    ...(input.onClick
      ? {
          onClick: (info: { object?: AnyWard | null }) => {
            const code = info.object?.properties.code;
            if (code !== undefined) input.onClick?.(code);
            return code !== undefined;
          },
        }
      : {}),
    updateTriggers: { getFillColor: input.fillVersion },
  });
}

/**
 * Units drawn for orientation only (a ward wall's neighbours): a faint fill and edge under the
 * wall's own unit, no measure colour, not pickable.
 */
export function contextWardLayer(id: string, wards: readonly WardFeature[], uiScale: number) {
  return new GeoJsonLayer<WardProperties>({
    id,
    data: wards as WardFeature[],
    filled: true,
    stroked: true,
    getFillColor: [120, 140, 170, 36],
    getLineColor: [165, 190, 220, 130],
    lineWidthUnits: 'pixels',
    getLineWidth: Math.max(1, uiScale),
  });
}

/** A ward wall's own unit among its neighbours: a light edge that tells where it ends. */
export function focusWardLayer(id: string, wards: readonly WardFeature[], uiScale: number) {
  return new GeoJsonLayer<WardProperties>({
    id,
    data: wards as WardFeature[],
    filled: false,
    stroked: true,
    getLineColor: [232, 240, 250, 235],
    lineWidthUnits: 'pixels',
    getLineWidth: 3 * uiScale,
  });
}

/** The selected ward: a bright double outline drawn above the fills. */
export function selectedWardLayer(id: string, ward: WardFeature | null, uiScale: number) {
  return new GeoJsonLayer<WardProperties>({
    id,
    data: ward ? [ward] : [],
    filled: false,
    stroked: true,
    getLineColor: [255, 214, 0, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 3.5 * uiScale,
  });
}

/** A ward name where the placement put it (see placeLabels); leaders point at the anchor. */
export interface MapLabel {
  code: string;
  text: string;
  /** A ward number (the name is in the map's key), drawn in the key's colour. */
  number: boolean;
  position: [number, number];
  anchor: [number, number];
  /** Where the leader line meets the text; null when the label sits on its anchor. */
  leaderEnd: [number, number] | null;
}

export function placedLabelLayers(id: string, labels: readonly MapLabel[], uiScale: number) {
  const leaders = labels.filter((l) => l.leaderEnd !== null);
  return [
    new LineLayer<MapLabel>({
      id: `${id}-leaders`,
      data: leaders,
      getSourcePosition: (l) => l.anchor,
      getTargetPosition: (l) => l.leaderEnd ?? l.anchor,
      getColor: [232, 240, 250, 200],
      widthUnits: 'pixels',
      getWidth: Math.max(1, uiScale),
    }),
    new ScatterplotLayer<MapLabel>({
      id: `${id}-anchors`,
      data: leaders,
      getPosition: (l) => l.anchor,
      getFillColor: [232, 240, 250, 255],
      getLineColor: LABEL_HALO,
      stroked: true,
      radiusUnits: 'pixels',
      getRadius: 2.2 * uiScale,
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
    }),
    new TextLayer<MapLabel>({
      id: `${id}-text`,
      data: labels as MapLabel[],
      getPosition: (l) => l.position,
      getText: (l) => l.text,
      getSize: WARD_LABEL_SIZE * uiScale,
      sizeUnits: 'pixels',
      getColor: (l) => (l.number ? KEY_NUMBER_RGBA : LABEL_RGBA),
      fontFamily: MAP_FONT_FAMILY,
      fontWeight: 600,
      characterSet: 'auto',
      fontSettings: MAP_FONT_SETTINGS,
      outlineWidth: 0.8,
      outlineColor: LABEL_HALO,
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
    }),
  ];
}

/**
 * Label size in px of a 16 px rem, multiplied by the UI scale: 1rem, the wall's smallest text
 * (sized for its viewing distance, shared/ui/wallTypography.ts).
 */
export const WARD_LABEL_SIZE = 16;
const LABEL_RGBA: [number, number, number, number] = [232, 240, 250, 255];
/** The key's number colour (.map-key-n). */
const KEY_NUMBER_RGBA: [number, number, number, number] = [255, 214, 0, 255];

export interface WardLabelInput {
  id: string;
  /** The wards whose names fit at the current zoom (see declutterLabels). */
  wards: readonly WardFeature[];
  uiScale: number;
}

/**
 * Ward names at their label points. Ninety-odd names cannot all fit at province scale; the
 * caller passes only those that fit (deck.gl's CollisionFilterExtension filters TextLayer per
 * glyph, which leaves half-hidden names).
 */
export function wardLabelLayer(input: WardLabelInput) {
  return new TextLayer<WardFeature>({
    id: input.id,
    data: input.wards as WardFeature[],
    getPosition: (f) => [f.properties.labelLon, f.properties.labelLat],
    getText: (f) => f.properties.shortName,
    getSize: WARD_LABEL_SIZE * input.uiScale,
    sizeUnits: 'pixels',
    getColor: [232, 240, 250, 255],
    fontFamily: MAP_FONT_FAMILY,
    fontWeight: 600,
    // 'auto' collects the characters actually used, so every Vietnamese letter with its tone
    // mark gets a glyph (the default set is ASCII only and would drop "ả", "ệ", "Đ"...).
    characterSet: 'auto',
    fontSettings: MAP_FONT_SETTINGS,
    outlineWidth: 0.8,
    outlineColor: LABEL_HALO,
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
  });
}
