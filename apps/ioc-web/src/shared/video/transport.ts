/** A running stream into a `<video>`: torn down when the tile stalls, unmounts or leaves view. */
export interface Transport {
  kind: 'whep' | 'hls';
  destroy(): void;
}

/** The transport gave up (fatal player error, peer connection failed): the tile retries. */
export type OnTransportFailure = (reason: string) => void;

/** A media-server refusal (401/403) or absence (404), told apart from a network failure. */
export class MediaHttpError extends Error {
  constructor(readonly status: number) {
    super(`media server answered HTTP ${String(status)}`);
    this.name = 'MediaHttpError';
  }
}
