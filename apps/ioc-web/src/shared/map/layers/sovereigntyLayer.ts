import { TextLayer } from '@deck.gl/layers';
import { LABEL_HALO, MAP_FONT_FAMILY, MAP_FONT_SETTINGS } from './textStyle';

export interface SovereigntyLabel {
  text: string;
  position: [number, number];
  /** Codes of the administrative units this label names (e.g. Đặc khu Hoàng Sa, 20333). */
  codes?: string[];
}

/**
 * Hoàng Sa and Trường Sa are always labelled as Vietnamese territory, on every map this app
 * draws, whatever unit is shown. Positions are the archipelagos' approximate centres.
 */
export function sovereigntyLabels(hoangSa: string, truongSa: string): SovereigntyLabel[] {
  return [
    { text: hoangSa, position: [112.0, 16.5] },
    { text: truongSa, position: [114.0, 10.0] },
  ];
}

export function sovereigntyLayer(id: string, labels: SovereigntyLabel[], sizePx: number) {
  return new TextLayer<SovereigntyLabel>({
    id,
    data: labels,
    getPosition: (d) => d.position,
    getText: (d) => d.text,
    getSize: sizePx,
    sizeUnits: 'pixels',
    getColor: [150, 205, 255, 255],
    fontFamily: MAP_FONT_FAMILY,
    fontWeight: 600,
    characterSet: 'auto',
    fontSettings: MAP_FONT_SETTINGS,
    outlineWidth: 0.8,
    outlineColor: LABEL_HALO,
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    // Never decluttered away like ward names; re-laid out when the language changes.
    updateTriggers: { getText: labels.map((l) => l.text).join('|') },
  });
}
