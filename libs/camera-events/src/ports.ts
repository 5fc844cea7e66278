/** A registered camera as events need it (libs/cameras' CameraRepository satisfies it). */
export interface EventCamera {
  id: string;
  unitCode: string;
  lon: number;
  lat: number;
}

export interface EventCameras {
  get(id: string): Promise<EventCamera | null>;
}

/** One count reading: value 1 at the event's time on the camera (as a device of kind camera). */
export interface CountReading {
  metric: string;
  time: Date;
  value: number;
}

/**
 * Where events become sensor-like counts (composition: the camera as a device, through the
 * ingest path, so the hourly rollups sum them and the alert rules evaluate them).
 */
export interface EventCounts {
  record(camera: EventCamera, readings: CountReading[]): Promise<void>;
}

/** Rejected deliveries, kept like telemetry's (libs/ingest's DeadLetterSink satisfies it). */
export interface EventDeadLetters {
  add(item: {
    reason: string;
    detail?: string;
    source: string;
    deviceId?: string | null;
    payload?: string | Buffer | null;
  }): Promise<void>;
}

/**
 * A picture the sender keeps (Frigate: `<baseUrl>/api/events/<id>/snapshot.jpg`). Outside the
 * platform's control, so a port: composition fetches over HTTP with a timeout.
 */
export interface SnapshotFetcher {
  fetch(baseUrl: string, ref: string): Promise<Buffer | null>;
}

/** The unit tree a list is scoped by (geo's UnitDirectory satisfies it). */
export interface EventUnits {
  selfAndDescendants(code: string): Promise<string[]>;
}

/**
 * A camera's stored login for a client that connects to the camera itself (ONVIF pull-point).
 * Server-side only: composition fills it from libs/cameras' credential reader and hands it to
 * the puller, never to a route.
 */
export interface EventCameraLogins {
  login(cameraId: string): Promise<{ username: string; password: string } | null>;
}

/** One pull-point subscription on one ONVIF device (ONVIF Core §9.3). */
export interface OnvifSubscription {
  /** PullMessages (long poll); resolves with the raw SOAP response. */
  pull(): Promise<string>;
  /** Renew before the termination time. */
  renew(): Promise<void>;
  /** Unsubscribe; a camera already gone is not an error. */
  close(): Promise<void>;
}

/** ONVIF devices are outside the platform: connecting and subscribing is a port (the `onvif` package). */
export interface OnvifConnector {
  subscribe(
    address: { host: string; port: number; path: string },
    login: { username: string; password: string } | null,
  ): Promise<OnvifSubscription>;
}
