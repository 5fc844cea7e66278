/**
 * Issue 13, tablet: a ward operator posts progress on a plan task with a photo from a 1024×768
 * tablet (camera file input, multipart upload); the ward leader's tablet shows the update with
 * the photo; a ward leader of another ward can read neither the task nor its file (403, and the
 * refusal is audited), and their tablet says so without showing any of it.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { makePng } from '../support/png';

const hasChromium = chromiumAvailable();

const WARD = '20314';
const OTHER_WARD = '20320';
const VIEWPORT = { width: 1024, height: 768 };

interface Me {
  username: string;
  displayName: string;
  role: string;
  units: string[];
}

interface Detail {
  id: string;
  progress: number;
  status: string;
  updates: {
    note: string;
    progress: number;
    actor: string;
    evidence: {
      id: string;
      filename: string;
      contentType: string;
      sizeBytes: number;
      url: string;
    }[];
  }[];
}

/** Buttons, links, inputs and selects under 48 × 48 CSS px on the tablet page. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '[data-testid="tablet-page"] :is(button, select, a, input, textarea)',
      ),
    ]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.width < 48 || r.height < 48);
      })
      .map((el) => `${el.tagName} "${el.textContent.trim()}"`),
  );
}

/** The page scrolls sideways, or an element of the tablet page leaves the viewport. */
function sidewaysProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    const root = document.querySelector('[data-testid="tablet-page"]');
    if (!root) return ['no tablet page'];
    if (root.scrollWidth > root.clientWidth + 1) out.push('the tablet page scrolls sideways');
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('.sr-only')) continue;
      if (r.left < -1 || r.right > vw + 1)
        out.push(`${el.tagName}.${el.className} leaves the viewport`);
    }
    return out;
  });
}

describe.skipIf(!hasChromium)('tablet — plan task progress with a photo', () => {
  let platform: TestPlatform;
  let browser: Browser | undefined;
  const tokens = { operator: '', leader: '', other: '' };
  const me: Record<keyof typeof tokens, Me | null> = { operator: null, leader: null, other: null };
  let taskId = '';
  const title = `Lắp camera giám sát chợ Hoà Xuân ${Date.now().toString(36)}`;
  const note = 'Đã lắp 3/5 camera, chờ đấu nối điện';
  const png = makePng(64, 48, [200, 40, 40]);

  const theBrowser = (): Browser => {
    if (!browser) throw new Error('browser not started');
    return browser;
  };

  const api = async (path: string, bearer: string, init: RequestInit = {}) => {
    const res = await fetch(`${platform.httpUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  };

  const signedIn = async (who: keyof typeof tokens): Promise<BrowserContext> => {
    const m = me[who];
    if (!m) throw new Error(`no session for ${who}`);
    const context = await theBrowser().newContext({
      viewport: VIEWPORT,
      hasTouch: true,
      locale: 'vi-VN',
    });
    const session = {
      token: tokens[who],
      expiresAt: new Date(Date.now() + 8 * 3_600_000).toISOString(),
      username: m.username,
      displayName: m.displayName,
      role: m.role,
      units: m.units,
    };
    await context.addInitScript((s) => {
      window.localStorage.setItem('ioc.session', s);
      window.localStorage.setItem('ioc.lang', 'vi');
    }, JSON.stringify(session));
    return context;
  };

  const open = async (context: BrowserContext, path: string, errors: string[]): Promise<Page> => {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${platform.httpUrl}${path}`);
    await page
      .locator('[data-testid="tablet-page"][data-phase="live"]')
      .waitFor({ timeout: 30_000 });
    return page;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
    tokens.operator = await platform.loginAs('ward_operator', [WARD]);
    tokens.leader = await platform.loginAs('ward_leader', [WARD]);
    tokens.other = await platform.loginAs('ward_leader', [OTHER_WARD]);
    for (const who of Object.keys(tokens) as (keyof typeof tokens)[])
      me[who] = (await api('/api/v1/auth/me', tokens[who])).body as Me;
    const created = await api('/api/v1/tasks', platform.adminToken, {
      method: 'POST',
      body: JSON.stringify({
        leadUnitCode: WARD,
        titleVi: title,
        productVi: 'Hệ thống camera giám sát chợ',
        dueDate: '2027-03-31',
      }),
    });
    expect(created.status).toBe(201);
    taskId = (created.body as { id: string }).id;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await platform.dispose();
  });

  it('lets a ward operator post progress with a camera photo', async () => {
    const context = await signedIn('operator');
    const errors: string[] = [];
    const page = await open(context, '/tablet', errors);
    // The ward's task list has the task, not started, at 0 %.
    const row = page.locator(`[data-testid="task"][data-task-id="${taskId}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-status')).toBe('not_started');
    expect(await row.textContent()).toContain(title);
    expect(await row.getByTestId('task-progress').getAttribute('data-value')).toBe('0');
    expect(await row.getByTestId('task-status').textContent()).toBe('Chưa thực hiện');

    await row.click();
    await page.waitForURL((url) => url.pathname === `/tablet/tasks/${taskId}`);
    const detail = page.locator(`[data-testid="task-detail"][data-task-id="${taskId}"]`);
    await detail.waitFor();
    expect(await page.getByTestId('task-title').textContent()).toBe(title);

    // The photo input opens the back camera on a tablet.
    const photo = page.getByTestId('progress-photo');
    expect(await photo.getAttribute('accept')).toBe('image/*');
    expect(await photo.getAttribute('capture')).toBe('environment');
    expect(await smallTargets(page)).toEqual([]);
    expect(await sidewaysProblems(page)).toEqual([]);

    await page.getByTestId('progress-percent').fill('60');
    await page.getByTestId('progress-status').selectOption('in_progress');
    await page.getByTestId('progress-note').fill(note);
    await photo.setInputFiles({ name: 'cho-hoa-xuan.png', mimeType: 'image/png', buffer: png });
    expect(await page.getByTestId('progress-files').textContent()).toBe('cho-hoa-xuan.png');
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'tablet-task-form-1024x768.png') });
    await page.getByTestId('progress-submit').click();
    await page.getByTestId('progress-posted').waitFor({ timeout: 30_000 });

    // The update is on the page with its photo, and the task moved to 60 % in progress.
    const update = page.getByTestId('task-update').first();
    await update.getByTestId('task-update-note').filter({ hasText: note }).waitFor();
    await update.locator('img[data-testid="evidence-image"]').waitFor();
    expect(
      await page.locator('.task-facts [data-testid="task-progress"]').getAttribute('data-value'),
    ).toBe('60');

    // What the API stored: the operator's update, the PNG byte for byte.
    const stored = (await api(`/api/v1/tasks/${taskId}`, tokens.leader)).body as Detail;
    expect(stored.progress).toBe(60);
    expect(stored.status).toBe('in_progress');
    const first = stored.updates[0];
    expect(first?.note).toBe(note);
    expect(first?.actor).toBe(me.operator?.username);
    expect(first?.evidence).toHaveLength(1);
    const file = first?.evidence[0];
    expect(file).toMatchObject({ filename: 'cho-hoa-xuan.png', contentType: 'image/png' });
    expect(file?.sizeBytes).toBe(png.length);
    const download = await fetch(`${platform.httpUrl}${file?.url ?? ''}`, {
      headers: { authorization: `Bearer ${tokens.leader}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the ward leader the update with the photo', async () => {
    const context = await signedIn('leader');
    const errors: string[] = [];
    const page = await open(context, '/tablet', errors);
    const row = page.locator(`[data-testid="task"][data-task-id="${taskId}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-status')).toBe('in_progress');
    expect(await row.getByTestId('task-progress').getAttribute('data-value')).toBe('60');
    await row.click();
    const detail = page.locator(`[data-testid="task-detail"][data-task-id="${taskId}"]`);
    await detail.waitFor();
    // A leader reads; only operators post.
    expect(await page.getByTestId('progress-form').count()).toBe(0);
    const update = page.getByTestId('task-update').first();
    expect(await update.getByTestId('task-update-note').textContent()).toBe(note);
    expect(await update.getByTestId('task-progress').getAttribute('data-value')).toBe('60');
    // The photo was fetched with the leader's session and decoded by the browser.
    const img = update.locator('img[data-testid="evidence-image"]');
    await img.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => `${el.naturalWidth}x${el.naturalHeight}`))
      .toBe('64x48');
    expect(await smallTargets(page)).toEqual([]);
    expect(await sidewaysProblems(page)).toEqual([]);
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'tablet-task-leader-1024x768.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses the task and its photo to a leader of another ward, and audits it', async () => {
    const detail = (await api(`/api/v1/tasks/${taskId}`, tokens.leader)).body as Detail;
    const url = detail.updates[0]?.evidence[0]?.url ?? '';
    expect(url).not.toBe('');
    const task = await api(`/api/v1/tasks/${taskId}`, tokens.other);
    expect(task.status).toBe(403);
    expect((task.body as { error: { code: string } }).error.code).toBe('FORBIDDEN_SCOPE');
    const file = await fetch(`${platform.httpUrl}${url}`, {
      headers: { authorization: `Bearer ${tokens.other}` },
    });
    expect(file.status).toBe(403);
    expect((await api(`/api/v1/tasks?unit=${WARD}`, tokens.other)).status).toBe(403);
    const { rows } = await platform.ctx.pool.query<{ target_id: string }>(
      `SELECT target_id FROM audit_log WHERE action = 'access.denied' AND actor = $1`,
      [me.other?.username],
    );
    const denied = rows.map((r) => r.target_id);
    expect(denied).toContain('GET /api/v1/tasks/:id');
    expect(denied).toContain('GET /api/v1/tasks/:id/evidence/:evidenceId');

    // Their tablet says so and shows nothing of the task.
    const context = await signedIn('other');
    const errors: string[] = [];
    const page = await open(context, `/tablet/tasks/${taskId}`, errors);
    const error = page.getByTestId('task-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.getAttribute('data-kind')).toBe('forbidden');
    expect(await error.textContent()).toBe('Tài khoản của bạn không được xem nhiệm vụ này.');
    const text = await page.getByTestId('tablet-page').textContent();
    expect(text).not.toContain(title);
    expect(text).not.toContain(note);
    expect(await page.locator('img[data-testid="evidence-image"]').count()).toBe(0);
    // Their own ward's list does not have it either.
    await page.getByTestId('task-back').click();
    await page.getByTestId('tasks').waitFor();
    expect(await page.locator(`[data-task-id="${taskId}"]`).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
