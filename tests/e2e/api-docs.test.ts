/**
 * The API reference at /api/docs renders in headless Chromium from files this server serves:
 * the operations of the OpenAPI document appear, grouped by tag, and every request the page
 * makes (scripts, styles, images, the document itself) goes to the platform — none leaves the
 * machine, so the reference works in an air-gapped IOC.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { testEnv } from '../support/env';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasChromium = existsSync(testEnv.chromium);
if (!hasChromium && testEnv.ci) throw new Error(`Chromium is required in CI (${testEnv.chromium})`);

describe.skipIf(!hasChromium)('API reference page (/api/docs) in the browser', () => {
  let platform: TestPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startTestPlatform();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await platform.dispose();
  });

  it('renders the operations from local files only', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));

    await page.goto(`${platform.httpUrl}/api/docs`);
    // Swagger UI draws the operations once it has fetched /api/openapi.json. A spec this size
    // (over a hundred paths) is drawn lazily, as the reader scrolls: count what it parsed, and
    // read the page by scrolling it, as a reader would.
    const operations = page.locator('.opblock');
    await expect.poll(() => operations.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const parsed = await page.evaluate(() => {
      const ui = (window as unknown as { ui: SwaggerUi }).ui;
      return {
        operations: ui.specSelectors.operations().size,
        tags: ui.specSelectors.taggedOperations().size,
      };
    });
    expect(parsed.operations).toBeGreaterThan(60);
    expect(parsed.tags).toBeGreaterThan(10);
    // Opening an integration route shows its bilingual description.
    await page.locator('#operations-Ingest-postTelemetry .opblock-summary').click();
    await expect
      .poll(() => page.locator('#operations-Ingest-postTelemetry').innerText())
      .toContain('Retry-After');
    const expected = [
      'IOC platform API',
      '/api/v1/telemetry',
      '/api/v1/lorawan/ttn',
      '/api/v1/feeds/{code}/reports',
      'Gửi số liệu cảm biến',
      'Send sensor readings',
      '/sta/v1.1',
      '/api/v1/public/open-data/datasets',
    ];
    let seen = '';
    for (let i = 0; i < 200 && !expected.every((e) => seen.includes(e)); i++) {
      seen += await page.locator('#swagger-ui').innerText();
      await page.mouse.wheel(0, 1200);
      await page.waitForTimeout(50);
    }
    for (const e of expected) expect(seen, e).toContain(e);

    const origin = new URL(platform.httpUrl).origin;
    expect(requests.length).toBeGreaterThan(3);
    expect(requests).toContain(`${origin}/api/openapi.json`);
    const foreign = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
    expect(foreign, 'requests that leave the machine').toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

/** The part of Swagger UI's system the test reads: what it parsed from the spec. */
interface SwaggerUi {
  specSelectors: {
    operations(): { size: number };
    taggedOperations(): { size: number };
  };
}
