import { ScatterplotLayer } from '@deck.gl/layers';
import { isOnline } from '../../live/deviceStats';
import type { DeviceState } from '../../live/deviceStore';
import { standing } from '../../live/stationLevels';
import {
  ALARM_LEVEL_RGB,
  OFFLINE_DEVICE_RGB,
  OTHER_DEVICE_RGB,
  pm25Color,
  type Rgba,
} from '../colorScale';
import { valueRgba, type MeasureScale } from '../measureScale';

/**
 * A device's dot colour: grey when offline; on the scene's scale when it reports the scene's
 * metric (AQI classes for PM2.5, the sequential ramp otherwise) — or, for a station with its own
 * alarm levels, the colour of the báo động level it has reached; otherwise its PM2.5 class if it
 * has one, else the neutral "other sensor" cyan.
 */
export function deviceRgba(
  device: DeviceState,
  now: number,
  metric: string | null,
  scale: MeasureScale,
): Rgba {
  if (!isOnline(device, now)) return [...OFFLINE_DEVICE_RGB, 220];
  if (metric !== null) {
    const v = device.latest.get(metric);
    const alarm = ALARM_LEVEL_RGB[(standing(device, metric)?.level ?? 0) - 1];
    if (alarm) return [...alarm, 255];
    if (v) return metric === 'pm25' ? pm25Color(v.value) : valueRgba(scale, v.value);
  }
  const pm25 = device.latest.get('pm25');
  if (pm25) return pm25Color(pm25.value);
  return [...OTHER_DEVICE_RGB, 255];
}

interface BinaryAttr {
  value: Float32Array | Uint8Array;
  size: number;
  normalized?: boolean;
}

export interface DevicePointData {
  length: number;
  attributes: { getPosition: BinaryAttr; getFillColor: BinaryAttr };
}

/**
 * Device dots as binary attributes (deck.gl "data.attributes"). Positions are packed once per
 * structure change; on a live delta only the devices whose `changedSeq` moved are re-coloured
 * in the CPU-side array, and deck.gl uploads that one colour buffer (4 bytes a device) — no
 * accessor runs over the 100k devices, no other attribute is touched.
 */
export class DevicePoints {
  private devices: readonly DeviceState[] = [];
  private colors = new Uint8Array(0);
  private positions = new Float32Array(0);
  private seenSeq = -1;
  private colorKey = '';
  data: DevicePointData = {
    length: 0,
    attributes: {
      getPosition: { value: new Float32Array(0), size: 2 },
      getFillColor: { value: new Uint8Array(0), size: 4, normalized: true },
    },
  };
  /** Bumps whenever the colour buffer was rewritten (the layer's update trigger). */
  version = 0;
  /** Bumps when a changed device had moved (vessels): its position was rewritten in place. */
  positionVersion = 0;
  /** Devices re-coloured by the last update (for tests and the bench). */
  lastRecolored = 0;

  /**
   * Syncs with the store. `colorKey` captures everything else the colour depends on (metric,
   * scale, status clock): when it changes every dot is re-coloured.
   */
  update(
    devices: readonly DeviceState[],
    colorKey: string,
    colorOf: (d: DeviceState) => Rgba,
  ): DevicePointData {
    const n = devices.length;
    let all = colorKey !== this.colorKey;
    if (devices !== this.devices) {
      const pos = new Float32Array(n * 2);
      for (let i = 0; i < n; i++) {
        const d = devices[i] as DeviceState;
        pos[2 * i] = d.lon ?? 0;
        pos[2 * i + 1] = d.lat ?? 0;
      }
      this.colors = new Uint8Array(n * 4);
      this.positions = pos;
      this.devices = devices;
      this.data = {
        length: n,
        attributes: {
          getPosition: { value: pos, size: 2 },
          getFillColor: { value: this.colors, size: 4, normalized: true },
        },
      };
      all = true;
    }
    this.colorKey = colorKey;
    let maxSeq = this.seenSeq;
    let recolored = 0;
    let moved = false;
    const colors = this.colors;
    const pos = this.positions;
    for (let i = 0; i < n; i++) {
      const d = devices[i] as DeviceState;
      if (d.changedSeq > maxSeq) maxSeq = d.changedSeq;
      if (!all && d.changedSeq <= this.seenSeq) continue;
      // Mobile devices move with their readings: rewrite just their position.
      const x = Math.fround(d.lon ?? 0);
      const y = Math.fround(d.lat ?? 0);
      if (pos[2 * i] !== x || pos[2 * i + 1] !== y) {
        pos[2 * i] = x;
        pos[2 * i + 1] = y;
        moved = true;
      }
      const c = colorOf(d);
      colors[4 * i] = c[0];
      colors[4 * i + 1] = c[1];
      colors[4 * i + 2] = c[2];
      colors[4 * i + 3] = c[3];
      recolored += 1;
    }
    this.seenSeq = maxSeq;
    this.lastRecolored = recolored;
    if (moved) {
      this.data.attributes.getPosition = { value: pos, size: 2 };
      this.positionVersion += 1;
    }
    if (recolored > 0) {
      // A new wrapper object (same array) is what tells deck.gl to upload the buffer again.
      this.data.attributes.getFillColor = { value: colors, size: 4, normalized: true };
      this.version += 1;
    }
    return this.data;
  }
}

/**
 * Dot radius (CSS px at 1920×1080) by fleet size: a few hundred devices read as distinct dots,
 * 100k would carpet the map at 5 px — and every pixel of every dot is shaded, which is what a
 * software-rendered wall pays for. Outlines only while dots are few enough to be told apart.
 */
export function dotStyle(count: number): { radius: number; stroked: boolean } {
  if (count > 20_000) return { radius: 2.5, stroked: false };
  if (count > 5_000) return { radius: 3.5, stroked: false };
  return { radius: 5, stroked: true };
}

export interface DevicePointLayerInput {
  id: string;
  points: DevicePoints;
  uiScale: number;
  visible?: boolean;
}

export function devicePointLayer({ id, points, uiScale, visible = true }: DevicePointLayerInput) {
  const { radius, stroked } = dotStyle(points.data.length);
  return new ScatterplotLayer({
    id,
    data: points.data,
    visible,
    stroked,
    getLineColor: [4, 10, 18, 230],
    lineWidthUnits: 'pixels',
    getLineWidth: Math.max(1, uiScale),
    radiusUnits: 'pixels',
    getRadius: radius * uiScale,
    updateTriggers: { getFillColor: points.version, getPosition: points.positionVersion },
  });
}
