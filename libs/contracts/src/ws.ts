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
}

/** Server → client. */
export type WsServerMessage =
  | { type: 'subscribed'; channels: string[] }
  | { type: 'refused'; channel: string; code: string; message: string }
  | { type: 'readings'; channel: string; asOf: string; deltas: ReadingDelta[] }
  | { type: 'alert'; channel: string; asOf: string; alert: unknown }
  | { type: 'rollup'; channel: string; asOf: string; rollup: unknown }
  | { type: 'indicator'; channel: string; asOf: string; indicator: unknown }
  | { type: 'authenticated'; kind: string; displayName: string; units: string[] }
  | { type: 'pong' }
  | { type: 'error'; code: string; message: string };
