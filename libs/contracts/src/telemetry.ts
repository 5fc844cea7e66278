/** One stored measurement: the narrow row of the `reading` hypertable. */
export interface Reading {
  time: Date;
  deviceId: string;
  metric: string;
  value: number;
  /** Administrative unit the reading belongs to (device's unit, or resolved per reading for mobile devices). */
  unitCode: string | null;
  /** Position the reading carried (mobile devices only); not stored in `reading`. */
  position?: { lon: number; lat: number };
}

/** A decoded but not yet validated measurement, as produced by every decoder. */
export interface DecodedReading {
  deviceId: string;
  metric: string;
  value: unknown;
  /** Device timestamp; undefined means "use the time of receipt". */
  time: Date | undefined;
  /** Unit of measure as sent (SenML `u`), when the format carries one. */
  uom?: string;
  /** Position for mobile devices (vessels), WGS84. */
  position?: { lon: number; lat: number };
}

export interface LatestValue {
  deviceId: string;
  metric: string;
  value: number;
  time: string;
  unitCode: string | null;
}

export type { DeviceView } from './http/devices';
