import { Client } from 'pg';

/**
 * One session that may hold the lease's lock. The PostgreSQL one is a connection of its own, not
 * one from the pool: a session advisory lock lives exactly as long as that connection, so when
 * the holder dies (process killed, network gone, backend terminated) PostgreSQL frees it.
 */
export interface LeaseSession {
  /** Takes the lock if free (true), or tells that another session holds it (false). */
  tryLock(): Promise<boolean>;
  /** Checks the session still answers (the holder asks on every retry period). */
  check(): Promise<void>;
  /** Called once when the session breaks (error or end); the lock is gone with it. */
  onBroken(listener: (reason: string) => void): void;
  close(): Promise<void>;
}

export interface LeaderLeaseOptions {
  /** Opens a session (a new connection) for each try after the last one broke. */
  open: () => Promise<LeaseSession>;
  /** How often a standby tries to take the lock, and the holder checks its session. */
  retryMs: number;
  /** The lease is ours: start the jobs. */
  onAcquired: () => void;
  /** The lease is gone (session broke, or a check failed): stop the jobs at once. */
  onLost: (reason: string) => void;
  warn?: (message: string) => void;
}

/**
 * Leadership of a background job in a cluster of processes: exactly one holder, the others
 * standing by and retrying every `retryMs`. The holder drops its jobs as soon as its session
 * errors or stops answering a check (it may not know whether PostgreSQL still counts it the
 * holder, so it assumes not: never two active, at worst none for one retry period).
 */
export class LeaderLease {
  private session: LeaseSession | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private holding = false;

  constructor(private readonly opts: LeaderLeaseOptions) {}

  get held(): boolean {
    return this.holding;
  }

  /** Tries now, then every retry period. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.tick();
    this.timer = setInterval(() => {
      this.tick();
    }, this.opts.retryMs);
    this.timer.unref();
  }

  /** Settles the try or check under way (tests wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Gives the lease up (closing the session frees the lock for a standby). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
    this.lose('stopped');
    const session = this.session;
    this.session = undefined;
    await session?.close().catch(() => undefined);
  }

  private tick(): void {
    this.running ??= this.step().finally(() => {
      this.running = undefined;
    });
  }

  private async step(): Promise<void> {
    try {
      if (!this.session) {
        const session = await this.opts.open();
        if (this.stopped) {
          await session.close().catch(() => undefined);
          return;
        }
        this.session = session;
        session.onBroken((reason) => {
          if (this.session !== session) return;
          this.session = undefined;
          this.lose(reason);
          void session.close().catch(() => undefined);
        });
      }
      const session = this.session;
      if (this.holding) {
        await session.check();
        return;
      }
      if ((await session.tryLock()) && !this.stopped && this.session === session) {
        this.holding = true;
        this.opts.onAcquired();
      }
    } catch (err) {
      // A failed open, check or try: whatever this session held is not to be trusted any more.
      const session = this.session;
      this.session = undefined;
      this.lose((err as Error).message);
      this.opts.warn?.(`lease: ${(err as Error).message}`);
      // Not awaited: ending a connection to an unreachable server may wait long; the next try
      // opens a new one.
      void session?.close().catch(() => undefined);
    }
  }

  private lose(reason: string): void {
    if (!this.holding) return;
    this.holding = false;
    this.opts.onLost(reason);
  }
}

/** Two int4 keys for pg_try_advisory_lock(int, int): this class, and the job set's name. */
const LEASE_CLASS = 0x10c_1ea5;

/** A stable signed 32-bit key for a lease name (FNV-1a). */
export function leaseKey(name: string): number {
  let h = 0x811c9dc5;
  for (const ch of Buffer.from(name, 'utf8')) {
    h ^= ch;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * PostgreSQL sessions for a lease: a dedicated client per session (never the pool's), with
 * queries bounded by `timeoutMs` so a holder cut off from the server notices within it.
 */
export function postgresLeaseSessions(
  url: string,
  name: string,
  timeoutMs: number,
): () => Promise<LeaseSession> {
  const key = leaseKey(name);
  return async () => {
    const client = new Client({
      connectionString: url,
      keepAlive: true,
      query_timeout: timeoutMs,
      connectionTimeoutMillis: timeoutMs,
      application_name: `ioc-lease-${name}`.slice(0, 63),
    });
    const listeners: ((reason: string) => void)[] = [];
    let broken: string | undefined;
    const breakWith = (reason: string) => {
      if (broken !== undefined) return;
      broken = reason;
      for (const l of listeners) l(reason);
    };
    client.on('error', (err) => {
      breakWith(err.message);
    });
    client.on('end', () => {
      breakWith('connection ended');
    });
    await client.connect();
    // The server notices a holder gone without a word (power cut, cut network) within about
    // three periods, and frees the lock then; without this it may take the OS's hours.
    const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
    await client
      .query(
        `SET tcp_keepalives_idle = ${seconds}; SET tcp_keepalives_interval = ${seconds};` +
          ' SET tcp_keepalives_count = 3',
      )
      .catch(() => undefined);
    return {
      async tryLock() {
        const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [
          LEASE_CLASS,
          key,
        ]);
        return r.rows[0]?.ok === true;
      },
      async check() {
        await client.query('SELECT 1');
      },
      onBroken(listener) {
        if (broken !== undefined) listener(broken);
        else listeners.push(listener);
      },
      async close() {
        broken ??= 'closed';
        await client.end();
      },
    };
  };
}

/** The embedded single process: the lease is granted at once, and never lost. */
export function grantedLeaseSessions(): () => Promise<LeaseSession> {
  return () =>
    Promise.resolve({
      tryLock: () => Promise.resolve(true),
      check: () => Promise.resolve(),
      onBroken: () => undefined,
      close: () => Promise.resolve(),
    });
}
