import { Deck, MapView, WebMercatorViewport, type MapViewState } from '@deck.gl/core';
import { GeoJsonLayer, PathLayer } from '@deck.gl/layers';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WardFeature, WardProperties } from '../api/schemas';
import type { Bounds } from './bounds';
import { exposeDrawnLayers } from './drawnLayers';
import { sovereigntyLayer, type SovereigntyLabel } from './layers/sovereigntyLayer';
import { MAP_FONT_FAMILY } from './layers/textStyle';
import { labelTextWidth } from './measureText';

/** Label size in the inset, px of a 16 px rem: the wall's smallest text, like the ward names. */
export const INSET_LABEL_SIZE = 16;

/** The East Sea from the central coast to Trường Sa. */
const INSET_EXTENT: Bounds = [
  [105.8, 7.6],
  [118.2, 18.4],
];

const INSET_VIEW = new MapView({ id: 'inset', repeat: false });

export interface SeaInsetProps {
  wards: readonly WardFeature[];
  /** The main map's framed extent, outlined in the inset. */
  mainBounds: Bounds | null;
  labels: SovereigntyLabel[];
  fontsReady: boolean;
  uiScale: number;
  title: string;
}

function viewStateFor(width: number, height: number): MapViewState {
  if (width < 10 || height < 10) return { longitude: 111.5, latitude: 13, zoom: 4 };
  const { longitude, latitude, zoom } = new WebMercatorViewport({ width, height }).fitBounds(
    INSET_EXTENT,
    { padding: 6 },
  );
  return { longitude, latitude, zoom };
}

/**
 * Locator inset: the province in the East Sea with Hoàng Sa and Trường Sa labelled as Viet Nam.
 * The main map frames the mainland wards, so offshore zones are guaranteed to be seen here.
 * A small standalone Deck (no MapLibre) is enough: it has no camera interaction.
 */
export function SeaInset({ wards, mainBounds, labels, fontsReady, uiScale, title }: SeaInsetProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const deckRef = useRef<Deck<MapView> | null>(null);
  const [size, setSize] = useState<[number, number]>([0, 0]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    const deck = new Deck({
      parent: host,
      views: INSET_VIEW,
      viewState: viewStateFor(host.clientWidth, host.clientHeight),
      controller: false,
      layers: [],
    });
    deckRef.current = deck;
    const observer = new ResizeObserver(() => {
      setSize([host.clientWidth, host.clientHeight]);
    });
    observer.observe(host);
    return () => {
      observer.disconnect();
      deckRef.current = null;
      deck.finalize();
    };
  }, []);

  // Each label centred on its archipelago, pulled in just enough to lie wholly in the inset
  // (at wall sizes "Quần đảo Trường Sa (Việt Nam)" is nearly as wide as the inset).
  const shown = useMemo(() => {
    if (size[0] < 10 || !fontsReady) return labels.map((label) => ({ label, box: null }));
    const viewport = new WebMercatorViewport({
      width: size[0],
      height: size[1],
      ...viewStateFor(size[0], size[1]),
    });
    const px = INSET_LABEL_SIZE * uiScale;
    const pad = 4 * uiScale;
    const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
    return labels.map((l) => {
      const [x = 0, y = 0] = viewport.project(l.position);
      const w = labelTextWidth(l.text, px, MAP_FONT_FAMILY);
      const h = px * 1.25;
      const cx = clamp(x, w / 2 + pad, size[0] - w / 2 - pad);
      const cy = clamp(y, h / 2 + pad, size[1] - h / 2 - pad);
      const [lon = 0, lat = 0] = viewport.unproject([cx, cy]);
      return {
        label: { ...l, position: [lon, lat] as [number, number] },
        box: { left: cx - w / 2, top: cy - h / 2, width: w, height: h },
      };
    });
  }, [labels, size, fontsReady, uiScale]);

  const layers = useMemo(() => {
    const frame = mainBounds
      ? [
          [
            [mainBounds[0][0], mainBounds[0][1]],
            [mainBounds[1][0], mainBounds[0][1]],
            [mainBounds[1][0], mainBounds[1][1]],
            [mainBounds[0][0], mainBounds[1][1]],
            [mainBounds[0][0], mainBounds[0][1]],
          ],
        ]
      : [];
    return [
      new GeoJsonLayer<WardProperties>({
        id: 'inset-wards',
        data: wards as WardFeature[],
        filled: true,
        // A 1 px outline keeps islets (Hoàng Sa) visible at inset scale.
        stroked: true,
        getFillColor: [110, 150, 195, 200],
        getLineColor: [150, 190, 230, 255],
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
      }),
      new PathLayer<[number, number][]>({
        id: 'inset-frame',
        data: frame,
        getPath: (p) => p,
        getColor: [255, 196, 64, 230],
        widthUnits: 'pixels',
        getWidth: Math.max(1, uiScale * 1.5),
      }),
      fontsReady &&
        sovereigntyLayer(
          'inset-sovereignty',
          shown.map((s) => s.label),
          INSET_LABEL_SIZE * uiScale,
        ),
    ];
  }, [wards, mainBounds, shown, fontsReady, uiScale]);

  useEffect(() => {
    deckRef.current?.setProps({ layers, viewState: viewStateFor(size[0], size[1]) });
    if (hostRef.current) exposeDrawnLayers(hostRef.current, layers);
  }, [layers, size]);

  // Where each label lands, in page px.
  const origin = hostRef.current?.getBoundingClientRect();
  const boxes = shown.map(({ box }) =>
    box && origin ? { ...box, left: origin.left + box.left, top: origin.top + box.top } : null,
  );

  return (
    <figure
      className="sea-inset"
      aria-label={title}
      data-font-px={(INSET_LABEL_SIZE * uiScale).toFixed(2)}
    >
      <div ref={hostRef} className="sea-inset-canvas" />
      <figcaption className="sea-inset-title">{title}</figcaption>
      {/* The labels are drawn on canvas; this keeps them readable by assistive tech and tests. */}
      <ul className="sr-only" data-testid="sovereignty-labels">
        {labels.map((l, i) => {
          const b = boxes[i];
          return (
            <li
              key={l.text}
              data-codes={l.codes?.join(' ')}
              {...(b
                ? {
                    'data-left': b.left.toFixed(1),
                    'data-top': b.top.toFixed(1),
                    'data-width': b.width.toFixed(1),
                    'data-height': b.height.toFixed(1),
                  }
                : {})}
            >
              {l.text}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
