import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const hasChromium = chromiumAvailable();

interface LabelBox {
  codes: string[];
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  where: 'map' | 'inset';
}

/**
 * The labels as drawn, in page px: read from the deck.gl text layers that drew them (the main
 * map's label overlay and the East Sea inset), never from the hidden list label placement
 * writes. Each box is the text layer's own glyph layout (`getBoundingRect`, in font-atlas units,
 * scaled as its shader scales them) around the anchor its viewport projects, offset by its
 * canvas. Labels drawn wholly off their canvas are not on screen and are left out. Null while a
 * layer the page was given has not been drawn yet.
 */
async function drawnLabels(page: Page): Promise<LabelBox[] | null> {
  return page.evaluate(() => {
    interface Viewport {
      project(p: number[]): number[];
    }
    interface TextLayerLike {
      getBoundingRect?: (d: unknown, info: object) => [number, number, number, number];
      context?: { viewport?: Viewport; deck?: { getCanvas(): HTMLCanvasElement | null } };
      state?: { fontAtlasManager?: { props: { fontSize: number } } };
      props: {
        data: unknown;
        getSize: unknown;
        getPosition: (d: unknown) => number[];
        sizeScale: number;
        sizeMinPixels: number;
        sizeMaxPixels: number;
      };
    }
    interface Datum {
      code?: string;
      codes?: string[];
      text: string;
    }
    const key = Symbol.for('ioc.drawnLayers');
    const hosts = [
      {
        where: 'map' as const,
        el: document.querySelector('[data-testid="scene-map"] .wall-map-canvas'),
      },
      { where: 'inset' as const, el: document.querySelector('.sea-inset-canvas') },
    ];
    const out: LabelBox[] = [];
    for (const { where, el } of hosts) {
      const given = el ? (el as unknown as Record<symbol, unknown>)[key] : undefined;
      if (!Array.isArray(given)) return null;
      // A LayersList nests and holds falsy entries (layers switched off).
      const layers = (given.flat(Infinity) as (TextLayerLike | false | null)[]).filter(
        (l): l is TextLayerLike => !!l && typeof l.getBoundingRect === 'function',
      );
      if (layers.length === 0) return null;
      for (const layer of layers) {
        const viewport = layer.context?.viewport;
        const canvas = layer.context?.deck?.getCanvas();
        const fontSize = layer.state?.fontAtlasManager?.props.fontSize;
        const { data, getSize, getPosition, sizeScale, sizeMinPixels, sizeMaxPixels } = layer.props;
        if (!viewport || !canvas || !fontSize || !Array.isArray(data)) return null;
        if (typeof getSize !== 'number') throw new Error('a label size per datum: not read here');
        const px = Math.min(sizeMaxPixels, Math.max(sizeMinPixels, getSize * sizeScale));
        const scale = px / fontSize;
        const c = canvas.getBoundingClientRect();
        (data as Datum[]).forEach((d, index) => {
          const [x, y, w, h] = layer.getBoundingRect!(d, { index, data, target: [] });
          const [ax = NaN, ay = NaN] = viewport.project(getPosition(d));
          const box = {
            codes: d.codes ?? (d.code ? [d.code] : []),
            text: d.text,
            left: c.left + ax + x * scale,
            top: c.top + ay + y * scale,
            width: w * scale,
            height: h * scale,
            where,
          };
          const onCanvas =
            box.left < c.right &&
            box.left + box.width > c.left &&
            box.top < c.bottom &&
            box.top + box.height > c.top;
          if (onCanvas) out.push(box);
        });
      }
    }
    return out;
  });
}

/** Waits until the page has drawn its labels (the map's ≥ 90 and the inset's Hoàng Sa). */
async function labelsDrawn(page: Page): Promise<LabelBox[]> {
  const drawn: { labels: LabelBox[] } = { labels: [] };
  await expect
    .poll(
      async () => {
        const labels = await drawnLabels(page);
        if (labels) drawn.labels = labels;
        return (
          labels !== null &&
          labels.filter((l) => l.where === 'map').length >= 90 &&
          labels.some((l) => l.where === 'inset' && l.codes.length > 0)
        );
      },
      { timeout: 240_000, interval: 1000 },
    )
    .toBe(true);
  return drawn.labels;
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

// The default start: Đà Nẵng's real wards as the platform ships them (the public source file
// through IOC_BOUNDARIES draws the same shapes within a few metres).
describe.skipIf(!hasChromium)(
  'wall map labels every unit — the real wards of a default start',
  () => {
    let platform: TestPlatform;
    let browser: Browser;
    let codes: string[] = [];
    /** The province wall, opened with its display token as a wall screen is. */
    let wallUrl = '';

    beforeAll(async () => {
      platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
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
        const labels = await labelsDrawn(page);
        const named = new Set(labels.flatMap((l) => l.codes));
        expect(codes.filter((c) => !named.has(c))).toEqual([]);
        // A ward of the dense core is numbered on the map and named in the key by that number.
        // Read together until they agree: a late legend re-places the labels once.
        const keyed = async () => {
          const drawn = await drawnLabels(page);
          if (drawn === null) return null;
          const key = new Map(
            await page.$$eval('[data-testid="map-key"] li[data-code]', (lis) =>
              lis.map(
                (li) =>
                  [
                    li.getAttribute('data-code') ?? '',
                    li.getAttribute('data-number') ?? '',
                  ] as const,
              ),
            ),
          );
          const numbered = drawn.filter((l) => l.where === 'map' && /^\d+$/.test(l.text));
          return {
            keySize: key.size,
            mismatched: numbered
              .filter((l) => key.get(l.codes[0] ?? '') !== l.text)
              .map((l) => l.codes.join()),
            numbered: numbered.length,
          };
        };
        let agreed = { keySize: 0, mismatched: ['not read'], numbered: -1 };
        await expect
          .poll(
            async () => {
              const k = await keyed();
              if (k) agreed = k;
              return k !== null && k.mismatched.length === 0 && k.numbered === k.keySize;
            },
            { timeout: 60_000, interval: 1000 },
          )
          .toBe(true);
        expect(agreed.mismatched).toEqual([]);
        expect(agreed.numbered).toBe(agreed.keySize);

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

        // Every map label lies inside the map and off the inset, the legend and the key.
        const rects = await page.evaluate(() =>
          ['[data-testid="scene-map"]', '.sea-inset', '[data-testid="map-legend"]', '.map-key'].map(
            (s) => {
              const r = document.querySelector(s)?.getBoundingClientRect();
              return r ? { left: r.left, top: r.top, width: r.width, height: r.height } : null;
            },
          ),
        );
        const [map, inset, legend, keyBox] = rects;
        expect(map && inset && legend && keyBox).toBeTruthy();
        for (const l of labels.filter((x) => x.where === 'map')) {
          expect(l.left >= map!.left - 0.5 && l.top >= map!.top - 0.5).toBe(true);
          expect(l.left + l.width <= map!.left + map!.width + 0.5).toBe(true);
          expect(l.top + l.height <= map!.top + map!.height + 0.5).toBe(true);
          const box = (r: typeof map) => ({ ...r!, codes: [], text: '', where: 'map' as const });
          expect(overlap(l, box(inset)), `${l.codes.join()} under the inset`).toBe(false);
          expect(overlap(l, box(legend)), `${l.codes.join()} under the legend`).toBe(false);
          if (agreed.keySize > 0)
            expect(overlap(l, box(keyBox)), `${l.codes.join()} under the key`).toBe(false);
        }
        // Real wards need no caveat in the header.
        expect(await page.getByTestId('wall-approximate').count()).toBe(0);
        await page.screenshot({
          path: resolve(ARTIFACTS_DIR, `map-labels-${size.width}x${size.height}.png`),
        });
        expect(errors).toEqual([]);
        await page.close();
        // Software WebGL at 4K with the detailed boundary band is slow on a shared CI core.
      }, 300_000);
    }

    it('a click on a ward selects it (outlined, reported to the page)', async () => {
      const page = await browser.newPage({ viewport: SIZES[0] });
      await page.goto(wallUrl);
      // A label sitting on its own anchor marks a point inside its ward.
      const target = (await labelsDrawn(page))
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
  },
);

describe.skipIf(!hasChromium)('a province the platform ships no boundaries for', () => {
  it('draws approximate cells and says so in the wall header', async () => {
    const platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST, IOC_PROVINCE: '75' });
    const browser = await launchBrowser();
    try {
      expect(platform.boundaries).toMatch(/^95 units of 75, APPROXIMATE cells/);
      const display = await platform.displayToken('75');
      const page = await browser.newPage({ viewport: SIZES[0] });
      await page.goto(`${platform.httpUrl}/wall?unit=75&token=${encodeURIComponent(display)}`);
      const note = page.locator('.wall-header [data-testid="wall-approximate"]');
      await expect
        .poll(() => note.textContent(), { timeout: 30_000 })
        .toBe('Ranh giới gần đúng — chưa nhập bản đồ ranh giới phường, xã');
      await page.screenshot({ path: resolve(ARTIFACTS_DIR, 'wall-approximate-1920x1080.png') });
    } finally {
      await browser.close();
      await platform.dispose();
    }
  }, 300_000);
});
