import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser, WEB_DIST } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { storedSession } from '../support/web-session';

const hasChromium = chromiumAvailable();

type Who = 'none' | 'admin' | 'ward';

/** WCAG 2.1 A and AA, as axe-core checks them, plus its best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * axe-core on every route a person opens, signed in as whoever opens it: zero violations. The
 * wall's map is a canvas (its content is on the panels); everything else is checked as rendered.
 */
describe.skipIf(!hasChromium)('accessibility — axe-core on every route', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let sessions: Record<Exclude<Who, 'none'>, string>;
  let displayToken = '';

  beforeAll(async () => {
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
    sessions = {
      admin: JSON.stringify(await storedSession(platform, platform.adminToken)),
      ward: JSON.stringify(
        await storedSession(platform, await platform.loginAs('ward_leader', ['20314'])),
      ),
    };
    displayToken = await platform.displayToken('48');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await platform.dispose();
  });

  const routes = (): { path: string; who: Who; ready: string }[] => [
    { path: '/login', who: 'none', ready: 'form' },
    {
      path: `/wall?unit=48&token=${encodeURIComponent(displayToken)}`,
      who: 'none',
      ready: '.wall-header',
    },
    { path: '/tablet', who: 'ward', ready: '[data-testid="devices"]' },
    { path: '/admin', who: 'admin', ready: 'main' },
    { path: '/admin/devices', who: 'admin', ready: 'main' },
    { path: '/admin/users', who: 'admin', ready: 'main' },
    { path: '/admin/open-data', who: 'admin', ready: 'main' },
    { path: '/admin/connectors', who: 'admin', ready: '[data-state=empty]' },
    { path: '/reports', who: 'ward', ready: 'main' },
    { path: '/xu-ly-phan-anh', who: 'ward', ready: 'main' },
    { path: '/phan-anh', who: 'none', ready: 'form' },
    { path: '/phan-anh/tra-cuu', who: 'none', ready: 'main' },
    { path: '/du-lieu-mo', who: 'none', ready: 'main' },
  ];

  async function contextFor(who: Who): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const session = who === 'none' ? null : sessions[who];
    await context.addInitScript((s: string | null) => {
      window.localStorage.setItem('ioc.lang', 'vi');
      if (s !== null) window.localStorage.setItem('ioc.session', s);
    }, session);
    return context;
  }

  it('finds no violation on any route', async () => {
    const found: string[] = [];
    for (const route of routes()) {
      const context = await contextFor(route.who);
      const page = await context.newPage();
      await page.goto(`${platform.httpUrl}${route.path}`);
      await page.locator(route.ready).first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1500);
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const where = `${route.who} ${route.path.replace(/token=[^&]+/, 'token=…')}`;
      for (const v of result.violations) {
        const nodes = v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ');
        found.push(`${where}: ${v.id} (${v.impact ?? '?'}) ×${v.nodes.length} — ${nodes}`);
      }
      await context.close();
    }
    expect(found).toEqual([]);
  }, 300_000);
});
