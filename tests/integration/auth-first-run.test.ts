import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { prepareFirstRun } from '../../apps/api/src/auth/first-run';
import { ARTIFACTS_DIR, chromiumAvailable, launchBrowser, WEB_DIST } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';

/** A fresh embedded platform with access control on and no account at all. */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ seedAdmin: false, WEB_DIST_DIR: WEB_DIST });
});

afterAll(async () => {
  await platform.dispose();
});

async function post(path: string, payload: unknown, token?: string) {
  const res = await fetch(`${platform.httpUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(payload),
  });
  const body = (await res.json().catch(() => null)) as { token?: string } | null;
  return { status: res.status, body, token: body?.token ?? '' };
}

describe('first run', () => {
  it('prints a one-time setup token and a wall URL with a display token', () => {
    expect(platform.setupToken).toMatch(/^iocsetup_[A-Za-z0-9_-]{43}$/);
    expect(platform.wallUrl).toMatch(/\/wall\?unit=48&token=iocd_/);
    const file = join(platform.dataDir, 'wall-token.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('accepts no account before setup: there is no default password', async () => {
    for (const [username, password] of [
      ['admin', 'admin'],
      ['admin', 'password'],
      ['admin', ''],
      ['root', 'root'],
    ]) {
      expect(
        (await post('/api/v1/auth/login', { username, password }, undefined)).status,
        `${username}/${password}`,
      ).not.toBe(200);
    }
    const status = (await (await fetch(`${platform.httpUrl}/api/v1/auth/setup`)).json()) as {
      setupRequired: boolean;
    };
    expect(status.setupRequired).toBe(true);
    expect((await fetch(`${platform.httpUrl}/api/v1/users`)).status).toBe(401);
  });

  it('refuses a wrong setup token and keeps the right one usable after a rejected password', async () => {
    expect(
      await post('/api/v1/auth/setup', {
        setupToken: 'iocsetup_wrong',
        username: 'admin',
        password: 'a good long passphrase',
      }),
    ).toMatchObject({
      status: 401,
      body: { error: { code: 'SETUP_TOKEN_INVALID' } },
    });
    expect(
      (
        await post('/api/v1/auth/setup', {
          setupToken: platform.setupToken,
          username: 'admin',
          password: 'short',
        })
      ).status,
    ).toBe(400);
    // Long enough but trivially guessed: refused too, with its own code.
    expect(
      await post('/api/v1/auth/setup', {
        setupToken: platform.setupToken,
        username: 'admin',
        password: 'aaaaaaaaaaaa',
      }),
    ).toMatchObject({ status: 400, body: { error: { code: 'PASSWORD_WEAK' } } });
  });

  it('creates the first administrator once with the setup token', async () => {
    const r = await post('/api/v1/auth/setup', {
      setupToken: platform.setupToken,
      username: 'Admin',
      password: 'a good long passphrase',
      displayName: 'Quản trị viên',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      user: { username: 'admin', role: 'admin', displayName: 'Quản trị viên' },
    });
    const me = await fetch(`${platform.httpUrl}/api/v1/users`, {
      headers: { authorization: `Bearer ${r.token}` },
    });
    expect(me.status).toBe(200);
    expect(
      await post('/api/v1/auth/setup', {
        setupToken: platform.setupToken,
        username: 'admin2',
        password: 'a good long passphrase',
      }),
    ).toMatchObject({
      status: 409,
      body: { error: { code: 'SETUP_DONE' } },
    });
    expect(
      (await post('/api/v1/auth/login', { username: 'admin', password: 'a good long passphrase' }))
        .status,
    ).toBe(200);
    const { rows } = await platform.ctx.pool.query(
      "SELECT actor FROM audit_log WHERE action = 'auth.setup'",
    );
    expect(rows).toEqual([{ actor: 'setup' }]);
  });

  it('issues no setup token on the next start, and keeps the same wall URL', async () => {
    const again = await prepareFirstRun(platform.ctx.auth, {
      embedded: true,
      seedDemo: true,
      dataDir: platform.dataDir,
      province: '48',
    });
    expect(again.setupToken).toBeNull();
    expect(`${platform.httpUrl}${again.wallPath ?? ''}`).toBe(platform.wallUrl);
  });
});

describe.skipIf(!chromiumAvailable())('the wall under the security headers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('renders with its display token and no CSP violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('response', (res) => {
      if (res.status() >= 400)
        problems.push(`http ${res.status()}: ${new URL(res.url()).pathname}`);
    });
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text()))
        problems.push(`console: ${m.text()}`);
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__cspViolations.push(
          `${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
        );
      });
    });
    await page.goto(platform.wallUrl ?? '');
    await page
      .getByTestId('unit-count')
      .filter({ hasText: '94' })
      .waitFor({ timeout: 30_000 })
      .catch((err: unknown) => {
        throw new Error(`${String(err)}\n${problems.join('\n')}`);
      });
    // MapLibre has started its blob: workers and drawn once (WallMap marks its container).
    await page.locator('[data-map-state="drawn"]').first().waitFor({ timeout: 30_000 });
    const violations = await page.evaluate(
      () =>
        (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [
          'listener missing',
        ],
    );
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'wall-display-token-csp.png') });
    // zod probes for eval support once (`try { Function('') } catch`) and falls back without it;
    // the probe is reported but harmless. Nothing else may be blocked: no 'unsafe-eval' needed.
    expect(violations.filter((v) => !v.startsWith('script-src blocked eval'))).toEqual([]);
    expect(problems.filter((p) => !/unsafe-eval|'eval'/.test(p))).toEqual([]);
    await page.close();
  });
});
