import { join } from 'node:path';
import pg from 'pg';
import { DeviceRepository, generateToken, hashToken } from '@ioc/ingest';
import { testEnv } from './env';
import { REPO_ROOT } from './platform-process';
import { runCommand, type CommandResult } from './processes';

/** Registers a device (or gateway) straight in a database; returns its token. */
export async function registerDevice(
  db: pg.Pool | pg.Client,
  d: {
    id: string;
    kind?: string;
    gatewayId?: string;
    devEui?: string;
    profile?: Record<string, unknown>;
    unitCode?: string;
  },
): Promise<string> {
  const token = generateToken();
  await new DeviceRepository(db).insert({
    id: d.id,
    kind: d.kind ?? 'air_quality',
    unitCode: d.unitCode ?? null,
    lon: 108.2,
    lat: 16.0,
    gatewayId: d.gatewayId ?? null,
    devEui: d.devEui ?? null,
    profile: d.profile ?? {},
    tokenHash: hashToken(token),
  });
  return token;
}

/** Runs the `ioc` CLI as a user would (`node bin/ioc.mjs …`). */
export function runIoc(args: string[], env: Record<string, string>): Promise<CommandResult> {
  return runCommand(process.execPath, [join(REPO_ROOT, 'bin/ioc.mjs'), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: testEnv.path, HOME: testEnv.home, ...env },
    timeoutMs: 60_000,
  });
}

/** `runIoc`, with what it printed on both streams together (the CLI suites read it as one). */
export async function iocOutput(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  const r = await runIoc(args, env);
  return { code: r.code, out: `${r.stdout}${r.stderr}` };
}

/** The token line `ioc devices add|rotate` / `ioc gateways add` prints. */
export function tokenFrom(out: string): string {
  const m = /token(?: for \S+)?: (\S+)/.exec(out);
  if (!m?.[1]) throw new Error(`no token in CLI output:\n${out}`);
  return m[1];
}

/** Sum of a Prometheus series over the samples whose labels include `labels`. */
export function promValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries(
      [...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) sum += Number(m[3]);
  }
  return sum;
}

export async function count(
  db: pg.Pool | pg.Client,
  sql: string,
  params: unknown[] = [],
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return rows[0]?.n ?? 0;
}

/** A deep copy of a JSON document with every RFC 3339 timestamp moved by `deltaMs`. */
export function shiftTimestamps<T>(doc: T, deltaMs: number): T {
  const iso = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const m = iso.exec(v);
      if (!m) return v;
      const shifted = new Date(
        new Date(`${m[1] ?? ''}${m[3] === 'Z' ? 'Z' : (m[3] ?? 'Z')}`).getTime() + deltaMs,
      );
      // Keep the fraction digits as sent (nanoseconds included): only whole seconds move.
      return `${shifted.toISOString().slice(0, 19)}${m[2] ?? ''}${m[3] === 'Z' ? 'Z' : '+00:00'}`;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(doc) as T;
}

/** A minimal administrative unit, for suites that do not seed the demo region. */
export async function insertUnit(
  db: pg.Pool | pg.Client,
  code: string,
  name = `Phường Thử ${code}`,
): Promise<void> {
  await db.query(
    `INSERT INTO admin_unit (code, name, short_name, level, parent_code, name_folded)
     VALUES ($1, $2, $2, 'ward', NULL, lower($2)) ON CONFLICT (code) DO NOTHING`,
    [code, name],
  );
}
