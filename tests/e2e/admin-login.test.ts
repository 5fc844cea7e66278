import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasChromium = chromiumAvailable();

const FIRST = {
  username: 'first-admin',
  displayName: 'Quản trị viên đầu tiên',
  password: 'first-run-password-2026',
};

async function signIn(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.locator('input[name=username]').fill(username);
  await form.locator('input[name=password]').fill(password);
  await form.locator('button[type=submit]').click();
}

describe.skipIf(!hasChromium)(
  'login — first-run setup, sign-in, sign-out and lockout in the browser',
  () => {
    let platform: TestPlatform;
    let browser: Browser;

    beforeAll(async () => {
      platform = await startTestPlatform({
        seedAdmin: false,
        LOGIN_MAX_ATTEMPTS: '3',
        WEB_DIST_DIR: WEB_DIST,
      });
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser.close();
      await platform.dispose();
    });

    it('creates the first administrator with the setup token, then signs out', async () => {
      expect(platform.setupToken).not.toBeNull();
      const page = await browser.newPage();
      await page.goto(`${platform.httpUrl}/login`);
      const form = page.getByTestId('setup-form');
      await form.waitFor({ timeout: 15_000 });
      const fill = async (name: string, value: string) =>
        form.locator(`input[name=${name}]`).fill(value);
      await fill('setupToken', 'iocsetup_wrong');
      await fill('username', FIRST.username);
      await fill('displayName', FIRST.displayName);
      await fill('password', FIRST.password);
      await fill('confirm', 'something else entirely');
      await form.locator('button[type=submit]').click();
      // Checked in the page first: the repeated password differs.
      await expect
        .poll(() => form.getByTestId('field-error').textContent())
        .toContain('không khớp');
      await fill('confirm', FIRST.password);
      await form.locator('button[type=submit]').click();
      // Then by the API: the token is wrong.
      await expect
        .poll(() => form.getByTestId('form-error').textContent(), { timeout: 10_000 })
        .toContain('Mã thiết lập không đúng');
      await fill('setupToken', platform.setupToken ?? '');
      await form.locator('button[type=submit]').click();
      await page.waitForURL(/\/admin$/, { timeout: 15_000 });
      await expect.poll(() => page.getByTestId('admin-user').textContent()).toBe(FIRST.displayName);

      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/login$/, { timeout: 15_000 });
      // Setup is done: the ordinary sign-in form is offered, and the old session is gone.
      await page.getByTestId('login-form').waitFor({ timeout: 10_000 });
      expect(await page.evaluate(() => window.localStorage.getItem('ioc.session'))).toBeNull();
      await page.close();
    });

    it('ignores a ?next= that leaves the site and goes to the role’s page', async () => {
      const page = await browser.newPage();
      await page.goto(
        `${platform.httpUrl}/login?next=${encodeURIComponent('//evil.example/steal')}`,
      );
      await signIn(page, FIRST.username, FIRST.password);
      await page.waitForURL(`${platform.httpUrl}/admin`, { timeout: 15_000 });
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/\/login$/, { timeout: 15_000 });
      await page.close();
    });

    it('locks the account after repeated wrong passwords and says when to retry', async () => {
      const page = await browser.newPage();
      await page.goto(`${platform.httpUrl}/login`);
      const error = page.getByTestId('form-error');
      for (let i = 0; i < 3; i++) {
        const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
        await signIn(page, FIRST.username, `wrong-password-${i}`);
        expect((await answered).status()).toBe(401);
        await expect.poll(() => error.textContent(), { timeout: 10_000 }).toContain('không đúng');
      }
      // Locked now: even the right password is refused, with the wait from Retry-After.
      await signIn(page, FIRST.username, FIRST.password);
      await expect
        .poll(() => page.getByTestId('form-error').textContent(), { timeout: 10_000 })
        .toMatch(/tạm bị khóa.*khoảng 15 phút/);
      expect(page.url()).toBe(`${platform.httpUrl}/login`);
      await page.close();
    });
  },
);
