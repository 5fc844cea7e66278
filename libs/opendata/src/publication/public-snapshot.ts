import type { PublicSets } from './publication.repository';

/**
 * What is public right now, held in memory for hot paths that cannot afford a query per
 * message (the SensorThings MQTT publisher checks every reading against it). The database views
 * stay the rule's owner: this is a copy of their answer, replaced whole on every refresh.
 */
export interface PublicSnapshot {
  readonly devices: ReadonlySet<string>;
  readonly metrics: ReadonlySet<string>;
  readonly indicators: ReadonlySet<string>;
  /** Decimals positions are rounded to on public routes; null = exact. */
  readonly positionDecimals: number | null;
  /** The licence the public data is under (a change is a change of what is published). */
  readonly licence: { readonly id: string; readonly url: string };
  /** When it was read. */
  readonly at: Date;
}

export const EMPTY_SNAPSHOT: PublicSnapshot = Object.freeze({
  devices: new Set<string>(),
  metrics: new Set<string>(),
  indicators: new Set<string>(),
  positionDecimals: 3,
  licence: { id: '', url: '' },
  at: new Date(0),
});

export interface PublicSnapshotDeps {
  read(): Promise<PublicSets>;
  /** Called with each new snapshot (after a publication change or a refresh that changed it). */
  onChanged?: (snapshot: PublicSnapshot) => void;
  /**
   * Past this age `current()` starts a refresh in the background (and still answers at once):
   * devices registered or decommissioned elsewhere (the CLI, another process) are picked up.
   */
  maxAgeMs?: number;
  now?: () => Date;
  onError?: (err: unknown) => void;
}

/** Holds the newest PublicSnapshot; nothing is public until the first refresh has run. */
export class PublicSnapshotSource {
  private snapshot: PublicSnapshot = EMPTY_SNAPSHOT;
  private inFlight: Promise<PublicSnapshot> | null = null;
  /** A refresh asked for while one runs: it must read again, the running one may be stale. */
  private again = false;

  constructor(private readonly deps: PublicSnapshotDeps) {}

  current(): PublicSnapshot {
    const age = this.now().getTime() - this.snapshot.at.getTime();
    if (age > (this.deps.maxAgeMs ?? 60_000) && !this.inFlight) {
      this.refresh().catch((err: unknown) => this.deps.onError?.(err));
    }
    return this.snapshot;
  }

  /** Reads the views again; resolves with the snapshot that includes every change made before. */
  refresh(): Promise<PublicSnapshot> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    const run = async (): Promise<PublicSnapshot> => {
      try {
        this.again = false;
        let next = this.replace(await this.deps.read());
        while (this.takeAgain()) next = this.replace(await this.deps.read());
        return next;
      } finally {
        this.inFlight = null;
      }
    };
    this.inFlight = run();
    return this.inFlight;
  }

  private takeAgain(): boolean {
    const again = this.again;
    this.again = false;
    return again;
  }

  private replace(sets: PublicSets): PublicSnapshot {
    const next: PublicSnapshot = Object.freeze({
      devices: new Set(sets.devices),
      metrics: new Set(sets.metrics),
      indicators: new Set(sets.indicators),
      positionDecimals: sets.positionDecimals,
      licence: { ...sets.licence },
      at: this.now(),
    });
    const changed = !sameSnapshot(this.snapshot, next);
    this.snapshot = next;
    if (changed) this.deps.onChanged?.(next);
    return next;
  }

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function sameSnapshot(a: PublicSnapshot, b: PublicSnapshot): boolean {
  return (
    a.positionDecimals === b.positionDecimals &&
    a.licence.id === b.licence.id &&
    a.licence.url === b.licence.url &&
    sameSet(a.devices, b.devices) &&
    sameSet(a.metrics, b.metrics) &&
    sameSet(a.indicators, b.indicators)
  );
}
