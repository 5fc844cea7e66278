/** Client → server. Channels: `unit:<code>`, `layer:<name>`, `alerts`, `alerts:<unitCode>`. */
export type WsClientMessage =
  | { type: 'subscribe'; channels: string[] }
  | { type: 'unsubscribe'; channels: string[] }
  | { type: 'ping' }
  /** First message when no `?token=` was given: a session or display token. */
  | { type: 'auth'; token: string };

export interface ReadingDelta {
  deviceId: string;
  unitCode: string | null;
  time: string;
  values: Record<string, number>;
  /** WGS84 position, when the newest reading of the delta carried one (mobile devices: vessels). */
  position?: { lon: number; lat: number };
}

/**
 * A unit's wall configuration changed (`PUT /api/v1/wall/config`): walls of that unit refetch
 * `GET /api/v1/wall/config?unit=` instead of waiting for their periodic refresh.
 */
export interface WallChanged {
  unitCode: string;
  updatedAt: string | null;
}

/**
 * An indicator value of a unit changed (a feed report was saved): scorecards refetch. Sent on
 * `unit:<code>` of the reported unit and of its province.
 */
export interface IndicatorChanged {
  /** The unit the report was for (a ward or the province itself). */
  unitCode: string;
  indicatorCode: string;
  /** Reporting period as the feed gave it, e.g. `2026`, `2026-Q3`, `2026-10`. */
  period: string;
  feedCode: string;
}

/** Server → client. */
export type WsServerMessage =
  | { type: 'subscribed'; channels: string[] }
  | { type: 'refused'; channel: string; code: string; message: string }
  | { type: 'readings'; channel: string; asOf: string; deltas: ReadingDelta[] }
  | { type: 'alert'; channel: string; asOf: string; alert: unknown }
  | { type: 'rollup'; channel: string; asOf: string; rollup: unknown }
  | { type: 'indicator'; channel: string; asOf: string; indicator: unknown }
  | { type: 'wall'; channel: string; asOf: string; wall: WallChanged }
  | { type: 'authenticated'; kind: string; displayName: string; units: string[] }
  | { type: 'pong' }
  | { type: 'error'; code: string; message: string };
