/**
 * Issue 15, playback: a real H.264 HLS stream (Debian ffmpeg's test source) plays in Chromium on
 * the wall through the platform's viewing token, checked on every playlist and segment request
 * by the platform's real media auth hook; the tile says it stalled when the source stops for
 * 10 s and recovers in the same page once it returns. A ward's wall and tablet see only the
 * ward's cameras: a ward-B camera on a ward-A camera scene says "not allowed". An admin picks a
 * camera scene's layout and cameras in the wall editor.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WallScene } from '@ioc/contracts';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import {
  ffmpegAvailable,
  startMediaStandIn,
  startTestStream,
  stopTestStream,
  type MediaStandIn,
} from '../support/hls-media';
import { privateWebDist } from '../support/layout-checks';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { sleep } from '../support/processes';
import { signedInContext } from '../support/web-session';

const hasChromium = chromiumAvailable();
const hasFfmpeg = ffmpegAvailable();

const WARD_A = '20275';
const WARD_B = '20314';
const CAM_A = { id: 'an-hai-cam-1', name: 'An Hải – ngã tư', hlsPath: 'an-hai/cam-1' };
const CAM_B = { id: 'hai-chau-cam-1', name: 'Hải Châu – cầu', hlsPath: 'hai-chau/cam-1' };

const grid: WallScene = {
  id: 'grid',
  kind: 'cameras',
  durationSec: 60,
  enabled: true,
  measure: { kind: 'none' },
  overlays: [],
  cameras: { layout: '2x2', ids: [CAM_A.id, CAM_B.id] },
};
const map: WallScene = {
  id: 'map',
  kind: 'overview',
  durationSec: 60,
  enabled: true,
  measure: { kind: 'none' },
  overlays: ['cameras'],
};

const traffic: WallScene = {
  id: 'traffic',
  kind: 'traffic',
  durationSec: 60,
  enabled: true,
  measure: { kind: 'none' },
  overlays: [],
};

const tile = (page: Page, id: string) =>
  page.locator(`[data-testid="camera-tile"][data-camera-id="${id}"]`);
const stateOf = (page: Page, id: string) => tile(page, id).getAttribute('data-state');
const timeOf = (page: Page, id: string) =>
  tile(page, id)
    .locator('video')
    .evaluate((v: HTMLVideoElement) => v.currentTime);

/** The tile's video plays: currentTime moves forward over two seconds. */
async function expectAdvancing(page: Page, id: string): Promise<void> {
  const before = await timeOf(page, id);
  await sleep(2_000);
  expect(await timeOf(page, id)).toBeGreaterThan(before + 0.5);
}

describe.skipIf(!hasChromium || !hasFfmpeg)(
  'camera playback — a real HLS stream on the wall',
  () => {
    let platform: TestPlatform;
    let media: MediaStandIn;
    let browser: Browser;
    let ffmpeg: ChildProcess;
    let webDist = '';
    let root = '';
    let display = '';
    let platformUrl = '';

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'ioc-hls-'));
      media = await startMediaStandIn(root, () => platformUrl);
      webDist = privateWebDist(WEB_DIST);
      platform = await startTestPlatform({
        WEB_DIST_DIR: webDist,
        MEDIA_HLS_URL: media.url,
        CAMERA_VIEW_TOKEN_TTL_S: '60',
        // Every playlist and segment request asks the hook, from one address.
        INGEST_RATE_PER_SECOND: '1000',
        INGEST_RATE_BURST: '10000',
      });
      platformUrl = platform.httpUrl;
      const label = async (code: string): Promise<[number, number]> => {
        const r = await platform.api(`/api/v1/units/${code}`);
        return ((await r.json()) as { label: [number, number] }).label;
      };
      for (const [cam, ward] of [
        [CAM_A, WARD_A],
        [CAM_B, WARD_B],
      ] as const) {
        const [lon, lat] = await label(ward);
        const r = await platform.api('/api/v1/cameras', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...cam, kind: 'traffic', lon, lat, unitCode: ward }),
        });
        expect(r.status).toBe(201);
      }
      const put = await platform.api(`/api/v1/wall/config?unit=${WARD_A}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rotate: false, scenes: [grid, map, traffic] }),
      });
      expect(put.status).toBe(200);
      display = await platform.displayToken(WARD_A);
      ffmpeg = startTestStream(root, CAM_A.hlsPath);
      browser = await launchBrowser();
    }, 120_000);

    afterAll(async () => {
      await browser.close();
      await stopTestStream(ffmpeg, root, CAM_A.hlsPath);
      await platform.dispose();
      await media.close();
      rmSync(webDist, { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    });

    it('the media server stand-in lets a request through only with a token for that path', async () => {
      const bare = await fetch(`${media.url}/${CAM_A.hlsPath}/index.m3u8`);
      expect(bare.status).toBe(401);
      const bogus = await fetch(`${media.url}/${CAM_A.hlsPath}/index.m3u8?token=iocv1.bogus`);
      expect(bogus.status).toBe(401);
      const grantB = (await (
        await platform.api(`/api/v1/cameras/${CAM_B.id}/view`, { method: 'POST' })
      ).json()) as { token: string };
      const otherPath = await fetch(
        `${media.url}/${CAM_A.hlsPath}/index.m3u8?token=${grantB.token}`,
      );
      expect(otherPath.status).toBe(401);
    });

    it('plays on a camera-grid scene, stalls when the source stops 10 s, recovers without reload', async () => {
      const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // Only this page's requests from here (the first test was refused on purpose).
      media.allowed.length = 0;
      media.refused.length = 0;
      await page.goto(`${platform.httpUrl}/wall?unit=${WARD_A}&token=${display}&scene=grid`);
      await expect.poll(() => stateOf(page, CAM_A.id), { timeout: 45_000 }).toBe('live');
      await expectAdvancing(page, CAM_A.id);
      expect(await tile(page, CAM_A.id).getAttribute('data-transport')).toBe('hls');
      // Segments went through the hook too, each with the token (hls.js xhrSetup).
      expect(media.allowed.some((f) => f.endsWith('.ts'))).toBe(true);
      expect(media.refused).toEqual([]);

      // The ward-B camera on ward A's wall: the view route refuses, the tile says so in words.
      await expect.poll(() => stateOf(page, CAM_B.id), { timeout: 15_000 }).toBe('forbidden');
      expect(await tile(page, CAM_B.id).textContent()).toContain('Không được phép xem camera này');
      // No more decoders than tiles on screen: the forbidden tile holds no stream.
      const playing = await page.evaluate(
        () => [...document.querySelectorAll('video')].filter((v) => v.currentSrc !== '').length,
      );
      expect(playing).toBe(1);

      // Mark the page: a reload would lose it.
      await page.evaluate(() => {
        (window as unknown as Record<string, unknown>)['__sameDocument'] = true;
      });
      const stoppedAt = Date.now();
      await stopTestStream(ffmpeg, root, CAM_A.hlsPath);
      await expect
        .poll(() => stateOf(page, CAM_A.id), { timeout: 10_000, interval: 250 })
        .toMatch(/^(stalled|offline)$/);
      expect(await tile(page, CAM_A.id).textContent()).toMatch(/Mất hình|mất tín hiệu/);
      await sleep(Math.max(0, 10_000 - (Date.now() - stoppedAt)));
      expect(await stateOf(page, CAM_A.id)).toMatch(/^(stalled|offline)$/);

      ffmpeg = startTestStream(root, CAM_A.hlsPath);
      await expect.poll(() => stateOf(page, CAM_A.id), { timeout: 45_000 }).toBe('live');
      await expectAdvancing(page, CAM_A.id);
      expect(
        await page.evaluate(() => (window as unknown as Record<string, unknown>)['__sameDocument']),
      ).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);

    it('draws the ward’s cameras on the map; a click opens the live view, closing frees it', async () => {
      const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      await page.goto(`${platform.httpUrl}/wall?unit=${WARD_A}&token=${display}&scene=map`);
      const list = page.getByTestId('map-cameras');
      await expect.poll(() => list.getAttribute('data-count'), { timeout: 30_000 }).toBe('1');
      expect(await list.locator('li').getAttribute('data-camera-id')).toBe(CAM_A.id);
      await list.locator('button').dispatchEvent('click');
      const panel = page.getByTestId('camera-panel');
      await expect
        .poll(() => panel.getAttribute('data-camera-id'), { timeout: 10_000 })
        .toBe(CAM_A.id);
      await expect.poll(() => stateOf(page, CAM_A.id), { timeout: 45_000 }).toBe('live');
      await expectAdvancing(page, CAM_A.id);
      await panel.getByRole('button').click();
      await expect.poll(() => page.locator('video').count()).toBe(0);
      await page.close();
    }, 120_000);

    it('shows an AI camera event’s alert with its picture on the ward’s wall', async () => {
      const secret = 'vms-an-hai-secret-2026';
      const json = { 'content-type': 'application/json' };
      const source = await platform.api('/api/v1/camera-event-sources', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          id: 'vms-an-hai',
          name: 'VMS An Hải',
          kind: 'generic',
          cameras: { 'nga-tu-1': CAM_A.id },
          secret,
        }),
      });
      expect(source.status).toBe(201);
      const rule = await platform.api('/api/v1/alert-rules', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          name: 'Camera phát hiện khói',
          kind: 'threshold',
          params: { metric: 'camera_smoke', comparator: '>=', value: 1 },
          scope: { deviceKinds: ['camera'] },
        }),
      });
      expect(rule.status).toBe(201);
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(`${platform.httpUrl}/wall?unit=${WARD_A}&token=${display}&scene=map`);
      await page.getByTestId('map-cameras').waitFor({ state: 'attached', timeout: 30_000 });
      // The picture the camera sends: a 320×180 JPEG the wall must show as it came.
      const picture = await sharp({
        create: { width: 320, height: 180, channels: 3, background: '#c0392b' },
      })
        .jpeg()
        .toBuffer();
      const sent = await fetch(`${platform.httpUrl}/api/v1/camera-events/webhook/vms-an-hai`, {
        method: 'POST',
        headers: { ...json, 'x-webhook-secret': secret },
        body: JSON.stringify({
          eventId: 'e2e-smoke-1',
          camera: 'nga-tu-1',
          type: 'smoke',
          time: new Date().toISOString(),
          confidence: 0.91,
          zone: 'Ngã tư',
          snapshot: picture.toString('base64'),
        }),
      });
      expect(sent.status).toBe(200);
      const row = page.locator('.alert-row.has-snapshot');
      await row.first().waitFor({ timeout: 20_000 });
      const img = row.first().locator('[data-testid="alert-snapshot"] img');
      await expect
        .poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth).catch(() => 0), {
          timeout: 20_000,
        })
        .toBe(320);
      await page.close();
    }, 120_000);

    it('counts the plate reads of this hour in and out on the traffic scene’s vehicle panel', async () => {
      // All three reads in one hour: just after an hour turns, wait for the third second.
      const intoHour = Date.now() % 3_600_000;
      if (intoHour < 3_000) await sleep(3_000 - intoHour);
      const at = new Date();
      const reads = [
        ['51A-111.11', 'in'],
        ['43C-222.22', 'in'],
        ['43H-333.33', 'out'],
      ] as const;
      const sent = await fetch(`${platform.httpUrl}/api/v1/camera-events/webhook/vms-an-hai`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-webhook-secret': 'vms-an-hai-secret-2026',
        },
        body: JSON.stringify({
          events: reads.map(([plate, direction], i) => ({
            eventId: `e2e-anpr-${String(i)}`,
            camera: 'nga-tu-1',
            type: 'anpr',
            time: new Date(at.getTime() - i * 1000).toISOString(),
            confidence: 0.95,
            plate,
            direction,
          })),
        }),
      });
      expect(sent.status).toBe(200);
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(`${platform.httpUrl}/wall?unit=${WARD_A}&token=${display}&scene=traffic`);
      const hour = new Date(at);
      hour.setUTCMinutes(0, 0, 0);
      const row = page.locator(
        `[data-testid="vehicle-flow"] tr[data-hour="${hour.toISOString()}"]`,
      );
      await expect
        .poll(async () => [await row.getAttribute('data-in'), await row.getAttribute('data-out')], {
          timeout: 30_000,
        })
        .toEqual(['2', '1']);
      await page.close();
    }, 120_000);

    it('lists only the ward’s cameras on a ward leader’s tablet and plays the one chosen', async () => {
      const token = await platform.loginAs('ward_leader', [WARD_A]);
      const context = await signedInContext(browser, platform, token, {
        lang: 'en',
        viewport: { width: 1024, height: 768 },
      });
      const page = await context.newPage();
      await page.goto(`${platform.httpUrl}/tablet`);
      const section = page.getByTestId('tablet-cameras');
      const buttons = section.locator('button[data-camera-id]');
      await expect.poll(() => buttons.count(), { timeout: 30_000 }).toBe(1);
      expect(await buttons.getAttribute('data-camera-id')).toBe(CAM_A.id);
      await buttons.click();
      await expect.poll(() => stateOf(page, CAM_A.id), { timeout: 45_000 }).toBe('live');
      await expectAdvancing(page, CAM_A.id);
      // The ward-B camera's token is refused to this leader (403), as the tile would say.
      const refused = await platform.api(
        `/api/v1/cameras/${CAM_B.id}/view`,
        { method: 'POST' },
        token,
      );
      expect(refused.status).toBe(403);
      await context.close();
    }, 120_000);

    it('lets an admin choose a camera scene’s layout and cameras in the wall editor', async () => {
      const context = await signedInContext(browser, platform, platform.adminToken, {
        lang: 'en',
        viewport: { width: 1400, height: 1000 },
      });
      const page = await context.newPage();
      await page.goto(`${platform.httpUrl}/admin/wall`);
      await page.getByTestId('wall-unit').selectOption(WARD_A);
      const row = page.locator('[data-testid=scene-row][data-scene-id="grid"]');
      const field = row.getByTestId('scene-cameras');
      await field.getByLabel(`${CAM_B.name} (${CAM_B.id})`).waitFor({ timeout: 15_000 });
      expect(await field.getByLabel(`${CAM_A.name} (${CAM_A.id})`).isChecked()).toBe(true);
      await field.getByLabel('Grid layout').selectOption('3x3');
      await field.getByLabel(`${CAM_B.name} (${CAM_B.id})`).uncheck();
      await page.getByTestId('scenes-save').click();
      await expect
        .poll(
          async () => {
            const r = await platform.api(`/api/v1/wall/config?unit=${WARD_A}`);
            const c = (await r.json()) as { scenes: WallScene[] };
            return c.scenes.find((x) => x.id === 'grid')?.cameras;
          },
          { timeout: 10_000 },
        )
        .toEqual({ layout: '3x3', ids: [CAM_A.id] });
      await context.close();
    }, 60_000);
  },
);
