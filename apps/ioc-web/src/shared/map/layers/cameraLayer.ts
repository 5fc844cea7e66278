import { ScatterplotLayer } from '@deck.gl/layers';
import type { MapCamera } from '../sceneMap.types';

/** A colour per camera kind, apart from the device and alert colours of the map. */
export const CAMERA_KIND_RGB: Record<MapCamera['kind'], [number, number, number]> = {
  traffic: [255, 176, 32],
  security: [186, 104, 255],
  port: [0, 200, 220],
  flood: [64, 128, 255],
};

/**
 * Cameras as square-ish markers (a thick white ring on the kind's colour, larger than a device
 * dot) that a click opens live. Not pickable without a handler (a kiosk wall takes no input).
 */
export function cameraLayer(
  id: string,
  cameras: readonly MapCamera[],
  uiScale: number,
  onClick?: (cameraId: string) => void,
) {
  return new ScatterplotLayer<MapCamera>({
    id,
    data: cameras as MapCamera[],
    getPosition: (c) => [c.lon, c.lat],
    getFillColor: (c) => [...CAMERA_KIND_RGB[c.kind], 240],
    getLineColor: [255, 255, 255, 255],
    stroked: true,
    radiusUnits: 'pixels',
    getRadius: 10 * uiScale,
    lineWidthUnits: 'pixels',
    getLineWidth: 3 * uiScale,
    pickable: onClick !== undefined,
    ...(onClick
      ? {
          onClick: (info: { object?: MapCamera | null }) => {
            if (info.object) onClick(info.object.id);
            return true;
          },
        }
      : {}),
    updateTriggers: { getRadius: uiScale, getLineWidth: uiScale },
  });
}
