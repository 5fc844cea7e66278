/**
 * `npm run bench:api` — a cached read endpoint of the API against a bare Fastify route that
 * returns the same bytes (ARCHITECTURE §8: ≥ 0.8×), both driven by autocannon in its own process
 * so the load generator does not share the servers' event loop.
 *
 * The endpoint: `GET /api/v1/units?parent=48`, the province's wards from the cached unit tree,
 * read with a wall's display token (access control on: the guard, the scope check and the
 * response schema are part of what is measured). Sizes: BENCH_API_SECONDS (10),
 * BENCH_API_CONNECTIONS (50).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { cpus, loadavg } from 'node:os';
import Fastify from 'fastify';
import { startTestPlatform } from '../../tests/support/platform';
import { benchEnv } from './support/env';

const SECONDS = benchEnv.apiSeconds;
const CONNECTIONS = benchEnv.apiConnections;
const run = promisify(execFile);
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const out = (line = '') => process.stdout.write(`${line}\n`);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Load {
  rps: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * autocannon in a child process, JSON result. Asynchronous: the servers under load run in this
 * process, so its event loop must stay free while the load runs.
 */
async function load(url: string, headers: Record<string, string>): Promise<Load> {
  const args = [AUTOCANNON, '-j', '-c', String(CONNECTIONS), '-d', String(SECONDS)];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  const r = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const j = JSON.parse(r.stdout) as {
    requests: { average: number };
    latency: { p99: number };
    non2xx: number;
    errors: number;
  };
  return { rps: j.requests.average, p99: j.latency.p99, non2xx: j.non2xx, errors: j.errors };
}

async function main(): Promise<void> {
  out(`IOC API benchmark — ${new Date().toISOString()}`);
  out(
    `node ${process.versions.node}, ${String(cpus().length)} CPU(s), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at start; ${String(CONNECTIONS)} connections × ${String(SECONDS)} s each`,
  );
  const platform = await startTestPlatform({ LOG_LEVEL: 'error' });
  const bare = Fastify();
  try {
    const token = await platform.displayToken('48');
    const path = '/api/v1/units?parent=48';
    const headers = { authorization: `Bearer ${token}` };
    const probe = await fetch(`${platform.httpUrl}${path}`, { headers });
    if (probe.status !== 200) throw new Error(`${path} answered ${String(probe.status)}`);
    const bytes = Buffer.from(await probe.arrayBuffer());
    bare.get('/units', (_req, reply) => {
      void reply.type('application/json; charset=utf-8').send(bytes);
    });
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

    // Warm-up: JIT and caches on both sides.
    await load(`${platform.httpUrl}${path}`, headers);
    await load(`${bareUrl}/units`, {});
    const ours = await load(`${platform.httpUrl}${path}`, headers);
    const peer = await load(`${bareUrl}/units`, {});
    const ratio = ours.rps / peer.rps;
    out();
    out(`Cached read — GET ${path} (${fmt(bytes.length)} bytes), display token`);
    out(
      `  platform (guard, scope, schema, Nest/Fastify)  ${fmt(ours.rps).padStart(8)} req/s  p99 ${fmt(ours.p99)} ms  (non-2xx ${fmt(ours.non2xx)}, errors ${fmt(ours.errors)})`,
    );
    out(
      `  bare Fastify, same bytes                       ${fmt(peer.rps).padStart(8)} req/s  p99 ${fmt(peer.p99)} ms`,
    );
    out(`  ratio ${fmt(ratio, 2)}×   target ≥ 0.8×   ${ratio >= 0.8 ? 'ok' : 'BELOW TARGET'}`);
  } finally {
    await bare.close();
    await platform.dispose();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench:api failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
