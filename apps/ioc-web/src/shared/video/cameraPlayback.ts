import type { CameraViewGrant } from '@ioc/contracts';
import { ApiError } from '../api/client';
import { startHls } from './hlsTransport';
import { INITIAL_TILE_STATE, nextTileState, type TileEvent, type TileState } from './playerState';
import { renewDelayMs } from './tokenTiming';
import type { Transport } from './transport';
import { startWhep } from './whepTransport';

/** No new frame for this long on a live tile: it has stalled. */
export const STALL_MS = 5_000;
/** A connection that has shown no frame by then has failed. */
export const CONNECT_TIMEOUT_MS = 20_000;
const WATCH_EVERY_MS = 1_000;

export interface PlaybackDeps {
  requestView(cameraId: string, signal: AbortSignal): Promise<CameraViewGrant>;
  startWhep: typeof startWhep;
  startHls: typeof startHls;
  now(): number;
}

const defaultDeps = (requestView: PlaybackDeps['requestView']): PlaybackDeps => ({
  requestView,
  startWhep,
  startHls,
  now: () => Date.now(),
});

/**
 * One camera playing into one `<video>`, for as long as the tile is on screen: asks the view
 * route for a token, plays WHEP when the media server offers it (else, or when it fails, HLS),
 * renews the token before it expires, watches the frames, and on a stall or error tears the
 * player down and builds a new one after a backoff — never a page reload. `stop()` releases the
 * decoder, so the page holds no more decoders than tiles on screen.
 */
export class CameraPlayback {
  private state: TileState = INITIAL_TILE_STATE;
  private grant: CameraViewGrant | null = null;
  private transport: Transport | null = null;
  private readonly abort = new AbortController();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;
  private watchTimer: ReturnType<typeof setInterval> | undefined;
  private attemptStartedAt = 0;
  private lastTime = -1;
  private lastProgressAt = 0;
  /** Bumped per attempt, so a slow attempt that ends after a newer one began changes nothing. */
  private attempt = 0;
  /** WHEP failed on this tile: use HLS until it is mounted again. */
  private whepBroken = false;
  private readonly deps: PlaybackDeps;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly cameraId: string,
    private readonly onChange: (state: TileState, transport: Transport['kind'] | null) => void,
    deps: Partial<PlaybackDeps> & Pick<PlaybackDeps, 'requestView'>,
  ) {
    this.deps = { ...defaultDeps(deps.requestView), ...deps };
  }

  start(): void {
    this.dispatch({ type: 'start' });
    this.watchTimer = setInterval(() => {
      this.watch();
    }, WATCH_EVERY_MS);
    void this.connect();
  }

  stop(): void {
    this.abort.abort();
    clearTimeout(this.retryTimer);
    clearTimeout(this.renewTimer);
    clearInterval(this.watchTimer);
    this.attempt++;
    this.teardown();
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  /** Whether the attempt is still the tile's own (not stopped, not overtaken by a newer one). */
  private isCurrent(attempt: number): boolean {
    return !this.stopped && attempt === this.attempt;
  }

  private dispatch(event: TileEvent): void {
    const before = this.state;
    this.state = nextTileState(this.state, event);
    // A refusal is final: a retry that was due would only ask again to be refused.
    if (this.state.phase === 'forbidden' || this.state.phase === 'unavailable')
      clearTimeout(this.retryTimer);
    if (this.state.retryInMs !== null && before.retryInMs === null) {
      const delay = this.state.retryInMs;
      this.retryTimer = setTimeout(() => {
        this.dispatch({ type: 'retry' });
        void this.connect();
      }, delay);
    }
    this.onChange(this.state, this.transport?.kind ?? null);
  }

  private teardown(): void {
    this.transport?.destroy();
    this.transport = null;
  }

  private fail(reason: string, attempt: number): void {
    if (!this.isCurrent(attempt)) return;
    if (this.state.retryInMs !== null) return; // a retry is already due
    console.warn(`camera ${this.cameraId}: ${reason}`);
    this.attempt++;
    this.teardown();
    this.dispatch({ type: 'failed' });
  }

  private async connect(): Promise<void> {
    const attempt = ++this.attempt;
    this.attemptStartedAt = this.deps.now();
    this.lastTime = -1;
    try {
      const grant = await this.freshGrant();
      if (!this.isCurrent(attempt)) return;
      if (!grant.whepUrl && !grant.hlsUrl) {
        this.dispatch({ type: 'no_stream' });
        return;
      }
      this.transport = await this.open(grant, attempt);
      if (!this.isCurrent(attempt)) this.teardown();
      else this.onChange(this.state, this.transport.kind);
    } catch (e) {
      if (!this.isCurrent(attempt)) return;
      if (e instanceof ApiError && (e.status === 403 || e.status === 404)) {
        this.teardown();
        this.dispatch({ type: 'refused' });
        return;
      }
      this.fail(e instanceof Error ? e.message : String(e), attempt);
    }
  }

  private async open(grant: CameraViewGrant, attempt: number): Promise<Transport> {
    const onFailure = (reason: string) => {
      this.fail(reason, attempt);
    };
    if (grant.whepUrl && !this.whepBroken) {
      try {
        return await this.deps.startWhep(this.video, grant.whepUrl, onFailure);
      } catch (e) {
        if (!grant.hlsUrl) throw e;
        // The media server refused or the browser could not negotiate: HLS from now on.
        this.whepBroken = true;
        console.warn(`camera ${this.cameraId}: WHEP failed, using HLS`, e);
      }
    }
    if (!grant.hlsUrl) throw new Error('no HLS stream');
    return this.deps.startHls(
      this.video,
      grant.hlsUrl,
      () => this.grant?.token ?? grant.token,
      onFailure,
    );
  }

  /** The current grant, or a new one when there is none or it is about to expire. */
  private async freshGrant(): Promise<CameraViewGrant> {
    const g = this.grant;
    if (g && renewDelayMs(g.expiresAt, this.deps.now()) > WATCH_EVERY_MS * 5) return g;
    return this.renew();
  }

  private async renew(): Promise<CameraViewGrant> {
    clearTimeout(this.renewTimer);
    const grant = await this.deps.requestView(this.cameraId, this.abort.signal);
    this.grant = grant;
    this.renewTimer = setTimeout(
      () => {
        this.renew().catch((e: unknown) => {
          if (this.stopped) return;
          if (e instanceof ApiError && (e.status === 403 || e.status === 404)) {
            // Viewing was withdrawn (the camera moved ward, the account lost the unit).
            this.attempt++;
            this.teardown();
            this.dispatch({ type: 'refused' });
          }
          // Otherwise the next connect asks again; the running stream keeps its token for now.
        });
      },
      renewDelayMs(grant.expiresAt, this.deps.now()),
    );
    return grant;
  }

  /** Frames advance → live; frozen past the stall window, or never started → failed. */
  private watch(): void {
    if (this.stopped || this.state.retryInMs !== null) return;
    const { phase } = this.state;
    if (phase === 'forbidden' || phase === 'unavailable') return;
    const now = this.deps.now();
    const t = this.video.currentTime;
    if (this.transport && t > this.lastTime && this.lastTime >= 0) {
      this.lastProgressAt = now;
      if (phase !== 'live') this.dispatch({ type: 'playing' });
    }
    this.lastTime = t;
    if (phase === 'live' && now - this.lastProgressAt > STALL_MS) {
      this.fail('no new frame', this.attempt);
    } else if (phase !== 'live' && now - this.attemptStartedAt > CONNECT_TIMEOUT_MS) {
      this.fail('no frame since connecting', this.attempt);
    }
  }
}
