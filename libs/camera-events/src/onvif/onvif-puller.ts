import { parseOnvifPull } from '../parse/onvif';
import type { EventCameraLogins, OnvifConnector, OnvifSubscription } from '../ports';
import type { EventSourceRecord } from '../repo/source.repository';
import type { CameraEventIntake } from '../services/event-intake.service';
import { onvifAddress } from './onvif-address';

export interface OnvifPullerOptions {
  /** The `onvif` sources (re-read on `refresh()` and every `refreshMs`). */
  sources: () => Promise<EventSourceRecord[]>;
  logins: EventCameraLogins;
  connector: OnvifConnector;
  intake: CameraEventIntake;
  refreshMs?: number;
  /** Renew the subscription this often: below the PT2M termination the client asks for. */
  renewMs?: number;
  /** Reconnect backoff: first wait, doubled per failure up to the max. */
  backoffMs?: number;
  maxBackoffMs?: number;
  warn?: (message: string) => void;
}

/** One camera of one source: subscribe, pull in a loop, renew, reconnect with backoff. */
class Worker {
  private stopped = false;
  private sub: OnvifSubscription | undefined;
  private wake: (() => void) | undefined;
  readonly done: Promise<void>;

  constructor(
    private readonly o: OnvifPullerOptions,
    private readonly source: EventSourceRecord,
    private readonly key: string,
    private readonly cameraId: string,
  ) {
    this.done = this.run();
  }

  /** Read through a call: `stop()` changes it while an await is pending. */
  private halted(): boolean {
    return this.stopped;
  }

  private get route(): string {
    return `onvif:${this.source.id}/${this.key}`;
  }

  private async run(): Promise<void> {
    const address = onvifAddress(this.key);
    if (!address) {
      this.o.warn?.(`${this.route}: the mapping key is not an ONVIF address; not pulled`);
      return;
    }
    let backoff = this.o.backoffMs ?? 1000;
    while (!this.stopped) {
      try {
        const login = await this.o.logins.login(this.cameraId);
        this.sub = await this.o.connector.subscribe(address, login);
        backoff = this.o.backoffMs ?? 1000;
        await this.pullLoop(this.sub);
      } catch (err) {
        if (this.halted()) break;
        this.o.warn?.(`${this.route}: ${(err as Error).message}; retrying in ${backoff} ms`);
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, this.o.maxBackoffMs ?? 60_000);
      } finally {
        const sub = this.sub;
        this.sub = undefined;
        await sub?.close();
      }
    }
  }

  private async pullLoop(sub: OnvifSubscription): Promise<void> {
    let renewedAt = Date.now();
    while (!this.stopped) {
      if (Date.now() - renewedAt >= (this.o.renewMs ?? 60_000)) {
        await sub.renew();
        renewedAt = Date.now();
      }
      const body = await sub.pull();
      if (this.halted()) return;
      // One bad message is dead-lettered by the intake with its reason; the others are kept.
      await this.o.intake.take(this.source, parseOnvifPull(body, this.key), body, this.route);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    // Closing ends a long poll in flight (its agent is destroyed) so the loop returns now.
    const sub = this.sub;
    this.sub = undefined;
    await sub?.close();
    await this.done;
  }
}

/**
 * AI events from ONVIF pull-point subscriptions: one worker per camera of each enabled `onvif`
 * source (its mapping key is the camera's ONVIF address, the value our camera id), logged in
 * with the camera's stored credential. Pulled messages go to the intake like any webhook's:
 * deduplicated, dead-lettered with a reason, counted.
 */
export class OnvifPuller {
  private workers = new Map<string, Worker>();
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly o: OnvifPullerOptions) {}

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      void this.refresh().catch((err: unknown) =>
        this.o.warn?.(`onvif sources: ${(err as Error).message}`),
      );
    }, this.o.refreshMs ?? 30_000);
    this.timer.unref();
  }

  /** Re-reads the sources: starts new cameras, stops removed ones, restarts changed sources. */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(
      () => this.apply(),
      () => this.apply(),
    );
    return this.refreshing;
  }

  /** The cameras being pulled now, as `<source>/<key>` (tests, diagnostics). */
  active(): string[] {
    return [...this.workers.keys()].map((k) => k.split('|').slice(0, 2).join('/'));
  }

  private async apply(): Promise<void> {
    const sources = (await this.o.sources()).filter((s) => s.kind === 'onvif' && s.enabled);
    const wanted = new Map<string, { source: EventSourceRecord; key: string; camera: string }>();
    for (const s of sources) {
      for (const [key, camera] of Object.entries(s.cameras)) {
        // A changed source (mapping, enabled) is a new identity: its workers restart.
        wanted.set(`${s.id}|${key}|${camera}|${s.updatedAt.getTime()}`, { source: s, key, camera });
      }
    }
    const gone = [...this.workers.keys()].filter((k) => !wanted.has(k));
    await Promise.all(
      gone.map(async (k) => {
        const w = this.workers.get(k);
        this.workers.delete(k);
        await w?.stop();
      }),
    );
    for (const [k, w] of wanted) {
      if (!this.workers.has(k)) this.workers.set(k, new Worker(this.o, w.source, w.key, w.camera));
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.refreshing.catch(() => undefined);
    const all = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(all.map((w) => w.stop()));
  }
}
