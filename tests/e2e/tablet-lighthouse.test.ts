/**
 * Issue 20: Lighthouse on a ward leader's /tablet with its mobile profile (a mid-range phone
 * on a slow 4G link, simulated): accessibility 100 and CLS < 0.1. The page is measured signed
 * in, as the leader opens it, from a cold cache and without its service worker. The performance
 * score is printed and kept in test-artifacts/ with the report, not asserted: its total blocking
 * time is what React and zod run on a 4× slowed CPU, so on a busy machine the score moves by
 * ten points from one run to the next; a score that moves with the machine's load is a
 * measurement, not a test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse, { type Flags, type RunnerResult } from 'lighthouse';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, CHROMIUM_ARGS, WEB_DIST, chromiumAvailable } from '../support/browser';
import { testEnv } from '../support/env';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { freePort } from '../support/processes';
import { storedSession } from '../support/web-session';

const hasChromium = chromiumAvailable();
const WARD = '20314';

/** Scores and the metrics behind them, printed with the failure. */
function summary(r: RunnerResult): Record<string, number | null> {
  const audit = (id: string) => r.lhr.audits[id]?.numericValue ?? null;
  return {
    performance: r.lhr.categories['performance']?.score ?? null,
    accessibility: r.lhr.categories['accessibility']?.score ?? null,
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    speedIndexMs: audit('speed-index'),
    benchmarkIndex: r.lhr.environment.benchmarkIndex,
  };
}

describe.skipIf(!hasChromium)('tablet — Lighthouse, mobile profile', () => {
  let platform: TestPlatform;
  let context: BrowserContext;
  let profile = '';
  let debugPort = 0;

  beforeAll(async () => {
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
    debugPort = await freePort();
    // Lighthouse drives the browser over its DevTools port; Playwright only prepares the profile.
    // A persistent profile: its default context is the one Lighthouse opens its tab in.
    profile = mkdtempSync(join(tmpdir(), 'ioc-lighthouse-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: testEnv.chromium,
      headless: true,
      args: [...CHROMIUM_ARGS, `--remote-debugging-port=${String(debugPort)}`],
    });
  }, 120_000);

  afterAll(async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await platform.dispose();
  });

  it('scores accessibility 100 and CLS < 0.1 on /tablet, and reports its performance', async () => {
    const token = await platform.loginAs('ward_leader', [WARD]);
    const session = await storedSession(platform, token);
    // The session the sign-in page would store, on the platform's origin; nothing else cached.
    const page = await context.newPage();
    await page.goto(`${platform.httpUrl}/api/v1/health`);
    await page.evaluate((s) => {
      window.localStorage.setItem('ioc.session', s);
      window.localStorage.setItem('ioc.lang', 'vi');
    }, JSON.stringify(session));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Storage.clearDataForOrigin', {
      origin: platform.httpUrl,
      storageTypes: 'service_workers,cache_storage,indexeddb',
    });
    await page.close();

    const flags: Flags = {
      port: debugPort,
      output: 'html',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      // Storage holds the session; the cache and service worker were cleared above.
      disableStorageReset: true,
    };
    const result = await lighthouse(`${platform.httpUrl}/tablet`, flags);
    if (!result) throw new Error('Lighthouse returned nothing');
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    writeFileSync(resolve(ARTIFACTS_DIR, 'tablet-lighthouse.html'), String(result.report));
    writeFileSync(resolve(ARTIFACTS_DIR, 'tablet-lighthouse.json'), JSON.stringify(result.lhr));
    const s = summary(result);
    const shown = JSON.stringify(s);
    expect(result.lhr.finalDisplayedUrl, shown).toContain('/tablet');
    expect(s.accessibility, shown).toBe(1);
    expect(s.cls, shown).toBeLessThan(0.1);
    console.log(`tablet Lighthouse (mobile): ${shown}`);
  }, 240_000);
});
