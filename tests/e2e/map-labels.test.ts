import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { boundaryPath } from '../support/geo-fixtures';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasChromium = chromiumAvailable();

/** The real Đà Nẵng ward boundaries beside the checkout (../shared/data/boundaries). */
const realBoundaries = (): string => boundaryPath('48_da_nang.wards.geojson');

interface LabelBox {
  codes: string[];
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  where: 'map' | 'inset';
}

/** The labels the map placed, as it reports them (page px), main map and East Sea inset. */
async function placedLabels(page: Page): Promise<LabelBox[]> {
  return page.evaluate(() => {
    const num = (el: Element, name: string) => Number(el.getAttribute(name));
    const main = [...document.querySelectorAll('[data-testid="map-labels"] li[data-code]')].map(
      (el) => ({
        codes: [el.getAttribute('data-code') ?? ''],
        text: '',
        left: num(el, 'data-left'),
        top: num(el, 'data-top'),
        width: num(el, 'data-width'),
        height: num(el, 'data-height'),
        where: 'map' as const,
      }),
    );
    const inset = [
      ...document.querySelectorAll('[data-testid="sovereignty-labels"] li[data-left]'),
    ].map((el) => ({
      codes: (el.getAttribute('data-codes') ?? '').split(' ').filter(Boolean),
      text: el.textContent,
      left: num(el, 'data-left'),
      top: num(el, 'data-top'),
      width: num(el, 'data-width'),
      height: num(el, 'data-height'),
      where: 'inset' as const,
    }));
    return [...main, ...inset];
  });
}

function overlap(a: LabelBox, b: LabelBox): boolean {
  return (
    a.left < b.left + b.width &&
    a.left + a.width > b.left &&
    a.top < b.top + b.height &&
    a.top + a.height > b.top
  );
}

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;

for (const variant of ['approximate cells', 'real boundaries'] as const) {
  const boundaries = variant === 'real boundaries' ? realBoundaries() : null;

  describe.skipIf(!hasChromium)(`wall map labels every unit — ${variant}`, () => {
    let platform: TestPlatform;
    let browser: Browser;
    let codes: string[] = [];
    /** The province wall, opened with its display token as a wall screen is. */
    let wallUrl = '';

    beforeAll(async () => {
      platform = await startTestPlatform({
        WEB_DIST_DIR: WEB_DIST,
        ...(boundaries ? { IOC_BOUNDARIES: boundaries } : {}),
      });
      const display = await platform.displayToken('48');
      wallUrl = `${platform.httpUrl}/wall?unit=48&token=${encodeURIComponent(display)}`;
      const res = await platform.api('/api/v1/units?parent=48', {}, display);
      codes = ((await res.json()) as { items: { code: string }[] }).items.map((u) => u.code);
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser.close();
      await platform.dispose();
    });

    for (const size of SIZES) {
      it(`${size.width}×${size.height}: all 94 units named, Hoàng Sa in the inset, no overlaps`, async () => {
        expect(codes).toHaveLength(94);
        const page = await browser.newPage({ viewport: size });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(wallUrl);
        await page.waitForFunction(
          () =>
            document.querySelectorAll('[data-testid="map-labels"] li[data-code]').length >= 90 &&
            document.querySelector('[data-testid="sovereignty-labels"] li[data-codes]') !== null,
          undefined,
          { timeout: 240_000, polling: 1000 },
        );
        const labels = await placedLabels(page);
        const named = new Set(labels.flatMap((l) => l.codes));
        expect(codes.filter((c) => !named.has(c))).toEqual([]);

        // Hoàng Sa (special zone 20333) is named in the inset, as Vietnamese territory.
        const hoangSa = labels.find((l) => l.codes.includes('20333'));
        expect(hoangSa?.where).toBe('inset');
        expect(hoangSa?.text).toContain('(Việt Nam)');

        // No two labels overlap, on the map or between map and inset.
        const clashes: string[] = [];
        for (let i = 0; i < labels.length; i++)
          for (let j = i + 1; j < labels.length; j++)
            if (overlap(labels[i]!, labels[j]!))
              clashes.push(`${labels[i]!.codes.join()}×${labels[j]!.codes.join()}`);
        expect(clashes).toEqual([]);

        // Every map label lies inside the map and off the inset and the legend.
        const rects = await page.evaluate(() =>
          ['[data-testid="scene-map"]', '.sea-inset', '[data-testid="map-legend"]'].map((s) => {
            const r = document.querySelector(s)?.getBoundingClientRect();
            return r ? { left: r.left, top: r.top, width: r.width, height: r.height } : null;
          }),
        );
        const [map, inset, legend] = rects;
        expect(map && inset && legend).toBeTruthy();
        for (const l of labels.filter((x) => x.where === 'map')) {
          expect(l.left >= map!.left - 0.5 && l.top >= map!.top - 0.5).toBe(true);
          expect(l.left + l.width <= map!.left + map!.width + 0.5).toBe(true);
          expect(l.top + l.height <= map!.top + map!.height + 0.5).toBe(true);
          const box = (r: typeof map) => ({ ...r!, codes: [], text: '', where: 'map' as const });
          expect(overlap(l, box(inset)), `${l.codes.join()} under the inset`).toBe(false);
          expect(overlap(l, box(legend)), `${l.codes.join()} under the legend`).toBe(false);
        }
        const tag = variant === 'real boundaries' ? 'real' : 'approx';
        await page.screenshot({
          path: resolve(ARTIFACTS_DIR, `map-labels-${tag}-${size.width}x${size.height}.png`),
        });
        expect(errors).toEqual([]);
        await page.close();
        // Software WebGL at 4K with the detailed boundary band is slow on a shared CI core.
      }, 300_000);
    }

    it('a click on a ward selects it (outlined, reported to the page)', async () => {
      const page = await browser.newPage({ viewport: SIZES[0] });
      await page.goto(wallUrl);
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="map-labels"] li[data-code]').length >= 90,
        undefined,
        { timeout: 240_000, polling: 1000 },
      );
      // A label sitting on its own anchor marks a point inside its ward.
      const target = (await placedLabels(page))
        .filter((l) => l.where === 'map')
        .find((l) => l.codes[0] === '20194');
      expect(target).toBeDefined();
      const map = page.getByTestId('scene-map');
      expect(await map.getAttribute('data-selected')).toBe('');
      const leader = await page
        .locator('[data-testid="map-labels"] li[data-code="20194"]')
        .getAttribute('data-leader');
      expect(leader).toBe('false');
      await page.mouse.click(target!.left + target!.width / 2, target!.top + target!.height / 2);
      await expect.poll(() => map.getAttribute('data-selected'), { timeout: 10_000 }).toBe('20194');
      await page.close();
    }, 300_000);
  });
}
