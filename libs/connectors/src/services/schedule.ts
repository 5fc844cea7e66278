import { Cron } from 'croner';

/** Schedules are read in Việt Nam time: "0 6 * * *" is 06:00 in Hà Nội, whatever the host. */
export const SCHEDULE_TIMEZONE = 'Asia/Ho_Chi_Minh';

/** Null when a croner expression is valid, else why not. */
export function checkSchedule(expression: string): string | null {
  try {
    const job = new Cron(expression, { paused: true, timezone: SCHEDULE_TIMEZONE });
    job.stop();
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The next time an expression fires after `from` (for the admin's view and the tests). */
export function nextRun(expression: string, from: Date): Date | null {
  const job = new Cron(expression, { paused: true, timezone: SCHEDULE_TIMEZONE });
  const next = job.nextRun(from);
  job.stop();
  return next;
}

interface Schedulable {
  id: string;
  schedule: string | null;
  paused: boolean;
}

/**
 * One croner job per scheduled, unpaused connector. `protect` keeps a slow run from overlapping
 * the next tick. `sync` re-reads a connector after each change (create, edit, pause, delete).
 */
export class ConnectorScheduler {
  private readonly jobs = new Map<string, { expression: string; job: Cron }>();

  constructor(
    private readonly load: (id: string) => Promise<Schedulable | null>,
    private readonly loadAll: () => Promise<Schedulable[]>,
    private readonly fire: (id: string) => Promise<unknown>,
    private readonly onError: (id: string, err: unknown) => void,
  ) {}

  async start(): Promise<void> {
    for (const c of await this.loadAll()) this.place(c.id, c);
  }

  async sync(id: string): Promise<void> {
    this.place(id, await this.load(id));
  }

  /**
   * Every connector's schedule as stored now, dropping those gone: the process running the
   * scheduler picks up changes made through another process (apps/api composition/jobs.ts).
   */
  async resync(): Promise<void> {
    const all = await this.loadAll();
    const ids = new Set(all.map((c) => c.id));
    for (const [id, { job }] of this.jobs) {
      if (ids.has(id)) continue;
      job.stop();
      this.jobs.delete(id);
    }
    for (const c of all) this.place(c.id, c);
  }

  scheduled(): string[] {
    return [...this.jobs.keys()].sort();
  }

  stop(): void {
    for (const { job } of this.jobs.values()) job.stop();
    this.jobs.clear();
  }

  private place(id: string, c: Schedulable | null): void {
    const wanted = c !== null && !c.paused && c.schedule !== null ? c.schedule : null;
    const current = this.jobs.get(id);
    if (current !== undefined && current.expression === wanted) return;
    current?.job.stop();
    this.jobs.delete(id);
    if (wanted === null) return;
    const job = new Cron(wanted, { timezone: SCHEDULE_TIMEZONE, protect: true }, async () => {
      try {
        await this.fire(id);
      } catch (err) {
        this.onError(id, err);
      }
    });
    this.jobs.set(id, { expression: wanted, job });
  }
}
