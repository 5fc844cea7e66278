/**
 * Request/reply over a forked child's IPC channel, for bench:ws's client and peer processes.
 * Each request carries an id; the child answers with the same id and its result, or an error.
 */
import { fork, type ChildProcess } from 'node:child_process';

interface Reply {
  id: number;
  error?: string;
  result?: unknown;
}

export class BenchChild {
  private readonly child: ChildProcess;
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >();
  private seq = 0;

  /** Forks a TypeScript module under tsx, with its own CPU (nothing of it lands in ours). */
  constructor(module: string, args: string[]) {
    this.child = fork(module, args, {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    });
    this.child.on('message', (m: Reply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
    this.child.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`${module} exited (${code})`));
      this.pending.clear();
    });
  }

  request<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (v) => {
          resolve(v as T);
        },
        reject,
      });
      this.child.send({ id, cmd, ...args });
    });
  }

  /** Asks the child to finish (`close`), killing it if it does not answer. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    await this.request('close').catch(() => this.child.kill());
    await exited;
  }
}

/**
 * The child's side: answers each request with `handle`'s result (or its error); exits once
 * `close` has been handled and answered.
 */
export function serveRequests(
  handle: (msg: { cmd: string } & Record<string, unknown>) => Promise<unknown>,
): void {
  process.on('message', (m: { id: number; cmd: string } & Record<string, unknown>) => {
    const answer = (reply: Omit<Reply, 'id'>) => {
      process.send?.({ id: m.id, ...reply }, () => {
        if (m.cmd === 'close') process.exit(0);
      });
    };
    handle(m).then(
      (result) => {
        answer({ result });
      },
      (err: unknown) => {
        answer({ error: String(err) });
      },
    );
  });
}
