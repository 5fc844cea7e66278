import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * A private copy of the built web app for one suite: a rebuild of dist/ by a parallel job
 * replaces the hashed assets under a page that is still loading them, which fails a browser
 * test for reasons that have nothing to do with it.
 */
export function privateWebDist(webDist: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-web-dist-'));
  cpSync(webDist, dir, { recursive: true });
  return dir;
}

/**
 * Layout checks for fixed-size screens (wall, tablet) run inside the page: no scrollbars, no
 * text running out of its box, no two pieces of text on top of each other. Each returns the
 * offending elements described for a failure message, so `expect(...).toEqual([])` reads well.
 */

export interface ScrollState {
  scrollWidth: number;
  scrollHeight: number;
  innerWidth: number;
  innerHeight: number;
}

/** The document's scroll size against the viewport; equal means no scrollbar can appear. */
export function documentScroll(page: Page): Promise<ScrollState> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
  }));
}

/* eslint-disable @typescript-eslint/no-implied-eval -- the page scripts below share PAGE_HELPERS,
   this file's own code, as source text: a function passed to page.evaluate cannot close over
   others. */

/** The same scripts run in the page; kept as strings so they carry no bundler helpers. */
const PAGE_HELPERS = `
  const describe = (el) => {
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
    return el.tagName.toLowerCase() + cls + ' "' + text + '"';
  };
  const ownText = (el) =>
    [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent || '').trim() !== '');
  // Visually hidden (sr-only) or not rendered: not part of the layout a viewer sees.
  const hidden = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return true;
      if (s.clipPath && s.clipPath !== 'none') return true;
      const r = e.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1 && s.position === 'absolute') return true;
    }
    return false;
  };
  const block = (el) => {
    let e = el;
    while (e && getComputedStyle(e).display === 'inline') e = e.parentElement;
    return e;
  };
  const textElements = (roots) =>
    roots.flatMap((r) => [r, ...r.querySelectorAll('*')]).filter((el) => ownText(el) && !hidden(el));
`;

/**
 * Elements with text whose content is wider or taller than their box. An element cut off on
 * purpose with `text-overflow: ellipsis` passes only if it (or its block) has a `title` holding
 * the full text, so the truncated words can still be read on hover and by assistive tech.
 */
export function overflowingText(page: Page, rootSelectors: readonly string[]): Promise<string[]> {
  return page.evaluate(
    ([helpers, selectors]) => {
      const h = (
        new Function(`${helpers}; return { describe, textElements, block };`) as () => {
          describe: (el: Element) => string;
          textElements: (roots: Element[]) => HTMLElement[];
          block: (el: Element) => HTMLElement | null;
        }
      )();
      const roots = selectors.flatMap((s) => [...document.querySelectorAll(s)]);
      const bad: string[] = [];
      const seen = new Set<Element>();
      for (const el of h.textElements(roots)) {
        const box = h.block(el);
        if (!box || seen.has(box)) continue;
        seen.add(box);
        const style = getComputedStyle(box);
        const wide = box.scrollWidth > box.clientWidth + 1;
        // Vertically, glyphs may overhang a tight line box harmlessly; it matters only where
        // the box clips them (accents cut off).
        const tall =
          box.scrollHeight > box.clientHeight + 1 &&
          box.clientHeight > 0 &&
          style.overflowY !== 'visible' &&
          box.children.length === 0;
        if (!wide && !tall) continue;
        const ellipsis = style.textOverflow === 'ellipsis' && style.overflowX !== 'visible';
        const full = box.textContent.trim();
        const titled = (box.getAttribute('title') ?? el.getAttribute('title') ?? '').trim();
        if (wide && !tall && ellipsis && titled !== '' && titled.includes(full.slice(0, 20)))
          continue;
        bad.push(
          `${h.describe(box)} scroll ${box.scrollWidth}×${box.scrollHeight} > box ${box.clientWidth}×${box.clientHeight}`,
        );
      }
      return bad;
    },
    [PAGE_HELPERS, rootSelectors] as const,
  );
}

/**
 * Pairs of text runs that overlap on screen. Each run is the rectangle of the element's own
 * text (a Range over its text nodes), cut to the boxes of ancestors that clip, so text hidden
 * by an overflow never counts and text drawn over other text always does.
 */
export function overlappingText(page: Page, rootSelectors: readonly string[]): Promise<string[]> {
  return page.evaluate(
    ([helpers, selectors]) => {
      const h = (
        new Function(`${helpers}; return { describe, textElements };`) as () => {
          describe: (el: Element) => string;
          textElements: (roots: Element[]) => HTMLElement[];
        }
      )();
      interface Box {
        el: HTMLElement;
        l: number;
        t: number;
        r: number;
        b: number;
      }
      const roots = selectors.flatMap((s) => [...document.querySelectorAll(s)]);
      const boxes: Box[] = [];
      for (const el of h.textElements(roots)) {
        const range = document.createRange();
        let l = Infinity;
        let t = Infinity;
        let r = -Infinity;
        let b = -Infinity;
        for (const n of el.childNodes) {
          if (n.nodeType !== 3 || (n.textContent ?? '').trim() === '') continue;
          range.selectNodeContents(n);
          for (const rect of range.getClientRects()) {
            if (rect.width === 0 || rect.height === 0) continue;
            l = Math.min(l, rect.left);
            t = Math.min(t, rect.top);
            r = Math.max(r, rect.right);
            b = Math.max(b, rect.bottom);
          }
        }
        // A single line's glyph box (ascent + descent) may be taller than its line box when
        // line-height is tight; layout stacks line boxes, so judge the line box.
        const style = getComputedStyle(el);
        const fontSize = parseFloat(style.fontSize);
        const lineHeight =
          style.lineHeight === 'normal' ? fontSize * 1.2 : parseFloat(style.lineHeight);
        if (b - t > lineHeight && b - t < lineHeight * 1.6) {
          const mid = (t + b) / 2;
          t = mid - lineHeight / 2;
          b = mid + lineHeight / 2;
        }
        // Clipped by the element itself (ellipsis) and by every clipping ancestor.
        for (let a: HTMLElement | null = el; a; a = a.parentElement) {
          const s = getComputedStyle(a);
          if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
          const c = a.getBoundingClientRect();
          l = Math.max(l, c.left);
          t = Math.max(t, c.top);
          r = Math.min(r, c.right);
          b = Math.min(b, c.bottom);
        }
        if (r - l > 0.5 && b - t > 0.5) boxes.push({ el, l, t, r, b });
      }
      const bad: string[] = [];
      // Line boxes of neighbouring lines may touch by a fraction of a pixel; that is not overlap.
      const slack = 1;
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const p = boxes[i];
          const q = boxes[j];
          if (!p || !q || p.el.contains(q.el) || q.el.contains(p.el)) continue;
          const w = Math.min(p.r, q.r) - Math.max(p.l, q.l);
          const hgt = Math.min(p.b, q.b) - Math.max(p.t, q.t);
          if (w > slack && hgt > slack)
            bad.push(`${h.describe(p.el)} overlaps ${h.describe(q.el)}`);
        }
      }
      return bad;
    },
    [PAGE_HELPERS, rootSelectors] as const,
  );
}

/**
 * Boxes (matching `selectors`) cut off by an ancestor that clips — a card pushed past the
 * bottom of its column, a legend running out of the map. Text-level checks cannot see these:
 * the clipped text fits its own box, it just is not on screen.
 */
export function clippedBoxes(page: Page, selectors: readonly string[]): Promise<string[]> {
  return page.evaluate(
    ([helpers, sel]) => {
      const h = (
        new Function(`${helpers}; return { describe, hidden };`) as () => {
          describe: (el: Element) => string;
          hidden: (el: Element) => boolean;
        }
      )();
      const bad: string[] = [];
      const view = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
      for (const el of sel.flatMap((s) => [...document.querySelectorAll(s)])) {
        if (h.hidden(el)) continue;
        const r = el.getBoundingClientRect();
        const clips: { left: number; top: number; right: number; bottom: number }[] = [];
        for (let a = el.parentElement; a; a = a.parentElement) {
          const s = getComputedStyle(a);
          if (s.overflowX !== 'visible' || s.overflowY !== 'visible')
            clips.push(a.getBoundingClientRect());
        }
        for (const c of clips) {
          if (
            r.left < c.left - 1 ||
            r.top < c.top - 1 ||
            r.right > c.right + 1 ||
            r.bottom > c.bottom + 1
          ) {
            bad.push(
              `${h.describe(el)} [${r.left.toFixed(0)},${r.top.toFixed(0)},${r.right.toFixed(0)},${r.bottom.toFixed(0)}] cut by [${c.left.toFixed(0)},${c.top.toFixed(0)},${c.right.toFixed(0)},${c.bottom.toFixed(0)}]`,
            );
            break;
          }
        }
        // A tile of a tiled wall shows part of the canvas on purpose; judge only whole screens.
        if (clips.length === 0 && (r.right > view.right + 1 || r.bottom > view.bottom + 1))
          bad.push(`${h.describe(el)} runs off the screen`);
      }
      return bad;
    },
    [PAGE_HELPERS, selectors] as const,
  );
}

/**
 * Angular height, in arc-minutes, of every piece of text under `rootSelectors` for a reader
 * `distanceM` from a wall of `wallMm` shown whole by the page's viewport: the font size in CSS
 * px, times millimetres per px (the axis giving the smaller pixel), seen from that distance.
 * Returns the text under `minimum`, described, with its size.
 */
export function textUnderArcMinutes(
  page: Page,
  rootSelectors: readonly string[],
  wall: { wallMm: { width: number; height: number }; distanceM: number; minimum: number },
): Promise<string[]> {
  return page.evaluate(
    ([helpers, selectors, w]) => {
      const h = (
        new Function(`${helpers}; return { describe, textElements };`) as () => {
          describe: (el: Element) => string;
          textElements: (roots: Element[]) => HTMLElement[];
        }
      )();
      const mmPerPx = Math.min(
        w.wallMm.width / window.innerWidth,
        w.wallMm.height / window.innerHeight,
      );
      const roots = selectors.flatMap((s) => [...document.querySelectorAll(s)]);
      const bad: string[] = [];
      for (const el of h.textElements(roots)) {
        // SVG text is drawn at its font size times the drawing's scale on screen.
        const svg = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
        const scale = svg ? Math.hypot(svg.b, svg.d) : 1;
        const px = parseFloat(getComputedStyle(el).fontSize) * scale;
        const arcMin =
          ((2 * Math.atan((px * mmPerPx) / 2 / (w.distanceM * 1000)) * 180) / Math.PI) * 60;
        if (arcMin < w.minimum)
          bad.push(`${h.describe(el)} ${px.toFixed(1)} px = ${arcMin.toFixed(1)}′`);
      }
      return bad;
    },
    [PAGE_HELPERS, rootSelectors, wall] as const,
  );
}

/** Everything above, for one screen state. */
export async function layoutProblems(
  page: Page,
  rootSelectors: readonly string[],
): Promise<{ scroll: ScrollState; overflowing: string[]; overlapping: string[] }> {
  return {
    scroll: await documentScroll(page),
    overflowing: await overflowingText(page, rootSelectors),
    overlapping: await overlappingText(page, rootSelectors),
  };
}
