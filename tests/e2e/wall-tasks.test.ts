/**
 * Issue 13, wall: the tasks scene shows the province's overdue plan tasks grouped by lead unit
 * and the tasks due this month, from the tasks API, and picks up a change without a reload.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasChromium = chromiumAvailable();

const WARD = '20314';
const WARD_NAME = 'Phường Hoà Xuân';

/** Today in Vietnam, `YYYY-MM-DD`: a task due today is due this month and not yet overdue. */
function vnToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

interface TaskList {
  counts: {
    byStatus: Record<string, number>;
    overdueByLead: {
      leadUnitCode: string;
      leadOfficeId: string | null;
      name: string;
      overdue: number;
    }[];
  };
}

describe.skipIf(!hasChromium)('wall — plan tasks scene', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let display = '';
  const tag = Date.now().toString(36);
  const ids: Record<string, string> = {};

  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${platform.httpUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${platform.adminToken}`,
        'content-type': 'application/json',
      },
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
  };

  const createTask = async (key: string, titleVi: string, dueDate: string): Promise<void> => {
    const res = await api('/api/v1/tasks', {
      method: 'POST',
      body: JSON.stringify({ leadUnitCode: WARD, titleVi, dueDate }),
    });
    expect(res.status).toBe(201);
    ids[key] = (res.body as { id: string }).id;
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
    display = await platform.displayToken('48');
    await createTask('overdue', `Số hóa hồ sơ hộ tịch ${tag}`, '2026-01-15');
    await createTask('due', `Báo cáo chuyển đổi số tháng ${tag}`, vnToday());
    // The wall lists the three leads most overdue (few rows, read from 5 m): the ward is made
    // the most overdue of all, whatever the seeded catalogue holds.
    const seeded = (await api('/api/v1/tasks?unit=48&due=this_month&limit=1')).body as TaskList;
    const others = seeded.counts.overdueByLead.filter(
      (l) => !(l.leadUnitCode === WARD && l.leadOfficeId === null),
    );
    const most = Math.max(0, ...others.map((l) => l.overdue));
    for (let i = 1; i <= most; i++)
      await createTask(
        `overdue-${String(i)}`,
        `Cập nhật cơ sở dữ liệu ${tag} ${String(i)}`,
        '2026-02-10',
      );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await platform.dispose();
  });

  it('shows an overdue task under its lead unit and the tasks due this month', async () => {
    const list = (await api('/api/v1/tasks?unit=48&due=this_month&limit=200')).body as TaskList;
    const ward = list.counts.overdueByLead.find(
      (l) => l.leadUnitCode === WARD && l.leadOfficeId === null,
    );
    expect(ward?.overdue).toBeGreaterThanOrEqual(1);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(
      `${platform.httpUrl}/wall?unit=48&scene=tasks&token=${encodeURIComponent(display)}`,
    );
    await page
      .locator('[data-testid="scene-bar"][data-scene-id="tasks"]')
      .waitFor({ timeout: 60_000 });
    const overdue = page.locator('[data-panel="tasks-overdue"]');
    const lead = overdue.locator(`[data-testid="overdue-lead"][data-lead="${WARD}"]`);
    await lead.waitFor({ timeout: 30_000 });
    expect(await lead.getAttribute('data-overdue')).toBe(String(ward?.overdue));
    expect(await lead.locator('.tasks-lead-name').textContent()).toBe(ward?.name);
    expect(ward?.name).toContain(WARD_NAME.replace('Phường ', ''));
    expect(
      Number(await overdue.getByTestId('tasks-overdue-total').getAttribute('data-value')),
    ).toBe(list.counts.byStatus['overdue']);
    expect(await overdue.getByTestId('panel-as-of').getAttribute('data-as-of')).not.toBe('');

    // Due this month: the one due today, not overdue; the overdue one (January) is not listed.
    const due = page.locator(`[data-panel="tasks-due"] [data-task-id="${ids['due'] ?? ''}"]`);
    await due.waitFor();
    expect(await due.getAttribute('data-status')).toBe('not_started');
    expect(await due.textContent()).toContain(`Báo cáo chuyển đổi số tháng ${tag}`);
    expect(
      await page
        .locator(`[data-panel="tasks-due"] [data-task-id="${ids['overdue'] ?? ''}"]`)
        .count(),
    ).toBe(0);
    // Large type: the lead's name and count are at least as large as the scorecard's names.
    const size = await lead
      .locator('.tasks-lead-name')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const root = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.documentElement).fontSize),
    );
    expect(size).toBeGreaterThanOrEqual(root);
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'wall-tasks-overdue-1920x1080.png') });

    // Progress on the task due today reaches the open wall without a reload (a `task` push, or
    // at the latest the panel's own refresh). In progress, it stays among the rows shown.
    const posted = await api(`/api/v1/tasks/${ids['due'] ?? ''}/progress`, {
      method: 'POST',
      body: JSON.stringify({ progress: 50, status: 'in_progress', note: 'Đã tổng hợp số liệu' }),
    });
    expect(posted.status).toBeLessThan(300);
    await expect
      .poll(() => due.getAttribute('data-status'), { timeout: 150_000 })
      .toBe('in_progress');
    expect(await due.locator('.tasks-due-progress').textContent()).toBe('50%');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
