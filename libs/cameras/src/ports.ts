/** Where a camera stands: the unit that holds a point (geo's UnitDirectory satisfies it). */
export interface CameraGeo {
  /** The ward or commune holding the point; null outside every unit. */
  locate(lon: number, lat: number): Promise<string | null>;
  exists(code: string): Promise<boolean>;
}

/** The unit tree a list is scoped by (geo's UnitDirectory satisfies it). */
export interface CameraUnits {
  /** The unit and every unit below it. */
  selfAndDescendants(code: string): Promise<string[]>;
}

/** The media server's public addresses the browser opens (config: MEDIA_WHEP_URL, MEDIA_HLS_URL). */
export interface MediaServerUrls {
  whepUrl?: string | undefined;
  hlsUrl?: string | undefined;
}

/** The credential the media server's publishers (an NVR, ffmpeg) present to publish. */
export interface MediaPublisher {
  user: string;
  password: string;
}
