import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { privateWebDist } from '../support/layout-checks';
import { testEnv } from '../support/env';
import { REPO_ROOT } from '../support/platform-process';
import { freePort, sleep, terminate, track } from '../support/processes';

const hasChromium = chromiumAvailable();

/** How long the API stays away: longer than every retry step, as after a real restart. */
const OUTAGE_MS = 30_000;

/**
 * The embedded platform (PGlite + Aedes, demo region, simulator) in a child process that can be
 * stopped and started again on the same HTTP/MQTT ports and data directory — what a wall sees
 * when the operations centre's server is restarted.
 */
class RestartablePlatform {
  private child: ChildProcess | null = null;
  private out = '';
  constructor(
    readonly port: number,
    private readonly mqttPort: number,
    private readonly dataDir: string,
    private readonly webDist: string,
  ) {}

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The wall URL the platform prints at start (the embedded demo's display token rides in it). */
  get wallUrl(): string {
    const printed = /Wall:\s+(\S+)/.exec(this.out)?.[1];
    if (!printed?.includes('token=')) throw new Error(`no wall URL with a token in:\n${this.out}`);
    return printed;
  }

  async start(timeoutMs = 120_000): Promise<void> {
    this.out = '';
    const child = track(
      spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
        cwd: REPO_ROOT,
        env: {
          PATH: testEnv.path,
          HOME: testEnv.home,
          TSX_TSCONFIG_PATH: join(REPO_ROOT, 'tsconfig.json'),
          PORT: String(this.port),
          HOST: '127.0.0.1',
          MQTT_PORT: String(this.mqttPort),
          DATA_DIR: this.dataDir,
          WEB_DIST_DIR: this.webDist,
          SEED_DEMO: 'true',
          SIMULATOR: 'true',
          SIMULATOR_INTERVAL_MS: '1000',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => (this.out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.out += d.toString()));
    const deadline = Date.now() + timeoutMs;
    while (!this.out.includes('is running')) {
      if (child.exitCode !== null) throw new Error(`platform exited during start:\n${this.out}`);
      if (Date.now() > deadline) throw new Error(`platform not ready:\n${this.out}`);
      await sleep(100);
    }
  }

  async stop(): Promise<void> {
    if (this.child) await terminate(this.child, 15_000);
    this.child = null;
  }
}

/** The wall's cards and whether each says its data is late. */
function cardStates(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-testid="panel"]', (els) =>
    Object.fromEntries(
      els.map((e) => [e.getAttribute('data-panel') ?? '?', e.getAttribute('data-stale') ?? '?']),
    ),
  );
}

/** Each card's "as of" ('' where it has none). */
function cardTimes(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="panel-as-of"]', (els) =>
    els.map((e) => e.getAttribute('data-as-of') ?? ''),
  );
}

/** Newest reading time among the live device values the wall holds (epoch ms). */
function newestReading(page: Page): Promise<number> {
  return page.$$eval('[data-testid="device-values"] li', (els) =>
    Math.max(0, ...els.map((e) => Date.parse(e.getAttribute('data-time') ?? '') || 0)),
  );
}

describe.skipIf(!hasChromium)('wall — stale while the API is down, recovers by itself', () => {
  let platform: RestartablePlatform;
  let browser: Browser;
  let webDist = '';
  let dataDir = '';

  beforeAll(async () => {
    webDist = privateWebDist(WEB_DIST);
    dataDir = mkdtempSync(join(tmpdir(), 'ioc-wall-recovery-'));
    platform = new RestartablePlatform(await freePort(), await freePort(), dataDir, webDist);
    await platform.start();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    rmSync(webDist, { recursive: true, force: true });
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('marks every card stale during a restart and clears it, with live values, without a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${platform.wallUrl}&scene=overview`);
    const states = { timeout: 60_000 };
    await expect
      .poll(() => cardStates(page), states)
      .toEqual({ scorecard: 'false', alerts: 'false', fleet: 'false' });
    await expect.poll(() => newestReading(page), states).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('stale-badge').count(), states).toBe(0);
    // "Not late" holds before a card's first answer too: wait until every card shows its data.
    await expect.poll(() => cardTimes(page), states).not.toContain('');
    // A marker in the page's memory: still there at the end means the page never reloaded.
    await page.evaluate(() => {
      (window as unknown as { wallMarker: string }).wallMarker = 'same page';
    });

    await platform.stop();
    const downAt = Date.now();
    // Every card and the header say their data is late while the API is away.
    await expect
      .poll(() => cardStates(page), { timeout: 25_000 })
      .toEqual({ scorecard: 'true', alerts: 'true', fleet: 'true' });
    await expect
      .poll(() => page.getByTestId('ws-status').getAttribute('data-phase'), { timeout: 25_000 })
      .not.toBe('open');
    const badges = await page.getByTestId('stale-badge').count();
    expect(badges).toBeGreaterThanOrEqual(4);
    // The last data stays on screen: the cards keep their values and their "as of".
    const asOf = await cardTimes(page);
    expect(asOf).toHaveLength(3);
    expect(asOf).not.toContain('');
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'wall-recovery-down.png') });

    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - downAt)));
    await platform.start();
    const upAt = Date.now();
    const back = { timeout: 60_000 };
    await expect
      .poll(() => page.getByTestId('ws-status').getAttribute('data-phase'), back)
      .toBe('open');
    await expect
      .poll(() => cardStates(page), back)
      .toEqual({ scorecard: 'false', alerts: 'false', fleet: 'false' });
    await expect.poll(() => page.getByTestId('stale-badge').count(), back).toBe(0);
    // Live values flow again: readings newer than the restart reach the page.
    await expect.poll(() => newestReading(page), back).toBeGreaterThan(upAt - 2000);
    expect(
      await page.evaluate(() => (window as unknown as { wallMarker?: string }).wallMarker),
    ).toBe('same page');
    await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'wall-recovery-back.png') });
    await page.close();
  });
});
