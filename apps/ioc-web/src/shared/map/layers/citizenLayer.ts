import { ScatterplotLayer } from '@deck.gl/layers';
import type { MapCasePoint } from '../sceneMap.types';

/**
 * Open citizen reports as dots in their age colour; an overdue one is larger, red, with a white
 * ring, so it reads from across the room. The page computes the colours (the wall's model).
 */
export function citizenLayer(id: string, points: readonly MapCasePoint[], uiScale: number) {
  return new ScatterplotLayer<MapCasePoint>({
    id,
    data: points as MapCasePoint[],
    getPosition: (p) => [p.lon, p.lat],
    getFillColor: (p) => [...p.rgb, 235],
    getLineColor: (p) => (p.overdue ? [255, 255, 255, 255] : [4, 10, 18, 220]),
    stroked: true,
    radiusUnits: 'pixels',
    getRadius: (p) => (p.overdue ? 9 : 7) * uiScale,
    lineWidthUnits: 'pixels',
    getLineWidth: (p) => (p.overdue ? 2.5 : 1.5) * uiScale,
    updateTriggers: {
      getFillColor: points,
      getLineColor: points,
      getRadius: [points, uiScale],
      getLineWidth: [points, uiScale],
    },
  });
}
