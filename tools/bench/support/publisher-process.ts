import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '../../..');

/** A benchmark publisher in its own process (support/publisher.ts), so its CPU is its own. */
export interface PublisherRun {
  startedAt: Promise<number>;
  done: Promise<{ acked: number; ms: number }>;
}

export function runPublisher(
  url: string,
  messages: number,
  devices: number,
  prefix: string,
): PublisherRun {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'tools/bench/support/publisher.ts'),
      url,
      String(messages),
      String(devices),
      prefix,
      '1000',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let onStart: (t: number) => void = () => undefined;
  let onDone: (r: { acked: number; ms: number }) => void = () => undefined;
  const startedAt = new Promise<number>((r) => (onStart = r));
  const done = new Promise<{ acked: number; ms: number }>((res, rej) => {
    onDone = res;
    child.once('exit', (code) => {
      if (code !== 0) rej(new Error(`publisher exited with ${String(code)}`));
    });
  });
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    const m = JSON.parse(line) as { startedAt?: number; acked?: number; ms?: number };
    if (m.startedAt !== undefined) onStart(m.startedAt);
    if (m.acked !== undefined) onDone({ acked: m.acked, ms: m.ms ?? 0 });
  });
  return { startedAt, done };
}
