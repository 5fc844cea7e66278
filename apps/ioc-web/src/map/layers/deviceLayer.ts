import { ScatterplotLayer } from '@deck.gl/layers';
import type { DeviceState } from '../../live/deviceStore';
import { isOnline } from '../../live/deviceStats';
import { OFFLINE_DEVICE_RGB, OTHER_DEVICE_RGB, pm25Color, type Rgba } from '../colorScale';

export function deviceColor(device: DeviceState, now: number): Rgba {
  if (!isOnline(device, now)) return [...OFFLINE_DEVICE_RGB, 220];
  const pm25 = device.latest.get('pm25');
  if (pm25) return pm25Color(pm25.value);
  return [...OTHER_DEVICE_RGB, 255];
}

export interface DeviceLayerInput {
  id: string;
  /** Stable array from DeviceStore.positioned; replaced only when devices come or go. */
  devices: readonly DeviceState[];
  /** Bumps with every applied batch of deltas. */
  valueVersion: number;
  /** Coarse clock (e.g. minute) so online/offline colouring ages without deltas. */
  statusTick: number;
  uiScale: number;
}

/**
 * Devices as dots. Deltas mutate DeviceState in place and bump `valueVersion`; the trigger makes
 * deck.gl recompute the colour attribute only — positions and radii are left alone, which is
 * what keeps 100k live points cheap.
 */
export function deviceLayer(input: DeviceLayerInput) {
  const now = input.statusTick;
  return new ScatterplotLayer<DeviceState>({
    id: input.id,
    data: input.devices as DeviceState[],
    getPosition: (d) => [d.lon ?? 0, d.lat ?? 0],
    getFillColor: (d) => deviceColor(d, now),
    getLineColor: [4, 10, 18, 230],
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: Math.max(1, input.uiScale),
    radiusUnits: 'pixels',
    getRadius: 5 * input.uiScale,
    updateTriggers: { getFillColor: [input.valueVersion, input.statusTick] },
  });
}
