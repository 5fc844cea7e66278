import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS_DIR, WEB_DIST, chromiumAvailable, launchBrowser } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { storedSession, type StoredSession } from '../support/web-session';
import { vi as viMessages } from '../../apps/ioc-web/src/shared/i18n/messages.vi';
import { en as enMessages } from '../../apps/ioc-web/src/shared/i18n/messages.en';

const hasChromium = chromiumAvailable();

/**
 * Walks every route in Vietnamese and in English and fails on untranslated UI text: an
 * `[i18n] missing` report, a visible text that is (or looks like) a message key, and in English
 * Vietnamese letters outside proper names, and a raw metric code (`co`, `water_level`) where a
 * metric's name belongs (issue 20.3). It checks whatever the pages render, so it keeps working
 * as pages grow; names that come from data (units, devices, rules, users) are allowed, and so is
 * an identifier an admin table prints as one, inside `<code>`.
 */

type Lang = 'vi' | 'en';
type Who = 'none' | 'admin' | 'ward';

const KEYS = new Set(Object.keys(viMessages));
const KEY_LIKE = /^[a-z]+(\.[a-zA-Z0-9]+)+$/;
const VIETNAMESE_ONLY = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
/** Proper names the English UI writes in Vietnamese (official usage) besides those from data. */
const PROPER_NAMES = ['Tiếng Việt', 'Hoàng Sa', 'Trường Sa', 'Việt Nam'];

const ADMIN_SECTIONS = [
  'devices',
  'cameras',
  'feeds',
  'connectors',
  'alert-rules',
  'wall',
  'users',
  'open-data',
];

async function getJson(platform: TestPlatform, path: string, token: string): Promise<unknown> {
  const res = await fetch(`${platform.httpUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return res.ok ? res.json() : null;
}

function items(body: unknown): Record<string, unknown>[] {
  const list = (body as { items?: unknown } | null)?.items;
  return Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
}

/** Every name that reaches the screen from data rather than from the dictionaries. */
async function dataNames(platform: TestPlatform): Promise<string[]> {
  const token = platform.adminToken;
  const names = new Set<string>(PROPER_NAMES);
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.trim() !== '') names.add(v.trim());
  };
  const provinces = items(await getJson(platform, '/api/v1/units?level=province', token));
  const units = [...provinces];
  for (const p of provinces)
    units.push(
      ...items(await getJson(platform, `/api/v1/units?parent=${String(p['code'])}`, token)),
    );
  for (const u of units) for (const k of ['name', 'shortName', 'nameEn']) add(u[k]);
  for (const d of items(await getJson(platform, '/api/v1/devices', token))) add(d['name']);
  for (const r of items(await getJson(platform, '/api/v1/alert-rules', token))) add(r['name']);
  for (const f of items(await getJson(platform, '/api/v1/feeds', token))) add(f['name']);
  for (const c of items(await getJson(platform, '/api/v1/connectors', token))) {
    add(c['name']);
    add(c['department']);
  }
  for (const u of items(await getJson(platform, '/api/v1/users', token))) add(u['displayName']);
  for (const d of items(await getJson(platform, '/api/v1/display-tokens', token))) add(d['name']);
  for (const c of items(await getJson(platform, '/api/v1/cameras', token))) {
    add(c['name']);
    for (const tag of (c['tags'] as string[] | undefined) ?? []) add(tag);
  }
  // Plan tasks and reporters (issue 13): titles and agencies as the plans print them.
  for (const t of items(await getJson(platform, '/api/v1/tasks?unit=48&limit=500', token)))
    for (const k of ['titleVi', 'titleEn', 'leadVi', 'leadOfficeName', 'leadUnitName']) add(t[k]);
  const matrix = (await getJson(platform, '/api/v1/reports/matrix?unit=48', token)) as {
    rows?: Record<string, unknown>[];
  } | null;
  for (const r of matrix?.rows ?? []) {
    for (const k of ['unitName', 'officeName']) add(r[k]);
    for (const c of (r['cells'] as Record<string, unknown>[] | undefined) ?? []) add(c['label']);
  }
  // Open data (issue 17): what may be published, as the catalogues name it, and the public
  // listing's titles and publisher.
  const pub = (await getJson(platform, '/api/v1/open-data/publication', token)) as {
    metrics?: Record<string, unknown>[];
    indicators?: Record<string, unknown>[];
  } | null;
  for (const m of pub?.metrics ?? []) for (const k of ['nameVi', 'nameEn', 'uom']) add(m[k]);
  for (const i of pub?.indicators ?? []) for (const k of ['nameVi', 'nameEn']) add(i[k]);
  const open = (await getJson(platform, '/api/v1/public/open-data/datasets', token)) as {
    publisher?: Record<string, unknown>;
    datasets?: Record<string, unknown>[];
  } | null;
  for (const k of ['nameVi', 'nameEn']) add(open?.publisher?.[k]);
  for (const d of open?.datasets ?? [])
    for (const k of ['titleVi', 'titleEn', 'descriptionVi', 'descriptionEn']) add(d[k]);
  // Longest first, so "Phường Hải Châu" goes before "Hải Châu".
  return [...names].sort((a, b) => b.length - a.length);
}

/**
 * Identifiers the admin shows as codes (indicator `st.hdi`, metric `pm25`): data, not message
 * keys, even when one is shaped like a key.
 */
async function dataCodes(platform: TestPlatform): Promise<Set<string>> {
  const pub = (await getJson(platform, '/api/v1/open-data/publication', platform.adminToken)) as {
    metrics?: Record<string, unknown>[];
    indicators?: Record<string, unknown>[];
  } | null;
  return new Set(
    [...(pub?.metrics ?? []), ...(pub?.indicators ?? [])].map((x) => String(x['code'])),
  );
}

/** Every metric code of the catalogue: none may reach the screen in place of its name. */
async function metricCodes(platform: TestPlatform): Promise<string[]> {
  return items(await getJson(platform, '/api/v1/metrics', platform.adminToken)).map((m) =>
    String(m['code']),
  );
}

/**
 * Readings in the ward leader's ward, so the tablet's device card has values to name: a gas, a
 * water level with two decimals, an on/off metric.
 */
async function seedReadings(platform: TestPlatform): Promise<void> {
  const token = await platform.addDevice({ id: 'i18n-station-1', unitCode: '20314' });
  const res = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ values: { co: 833, water_level: 0.76, wifi_up: 1, pm25: 61 } }),
  });
  if (res.status !== 202) throw new Error(`telemetry answered ${String(res.status)}`);
  await platform.ctx.live.idle();
}

/** A camera in the ward, so the admin's camera table has a row (and a stored credential) to name. */
async function seedCamera(platform: TestPlatform): Promise<void> {
  const res = await platform.api('/api/v1/cameras', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'i18n-cam-1',
      name: 'Camera cảng Thọ Quang',
      kind: 'port',
      lon: 108.2,
      lat: 16.05,
      unitCode: '20314',
      hlsPath: 'tho-quang/cong-1',
      tags: ['cảng cá'],
      credentials: { username: 'nvr', password: 'not-shown-anywhere' },
    }),
  });
  if (res.status !== 201) throw new Error(`camera answered ${String(res.status)}`);
}

/** A connector (never run), so the admin's connectors table has a row to word. */
async function seedConnector(platform: TestPlatform): Promise<void> {
  const res = await platform.api('/api/v1/connectors', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'i18n-dvc',
      name: 'Hệ thống thông tin giải quyết TTHC',
      department: 'Văn phòng UBND thành phố',
      source: { kind: 'rest-json', url: 'http://127.0.0.1:9/hoso', recordsPath: 'items' },
      mapping: { target: 'dossier', expression: '$' },
      schedule: '*/15 * * * *',
    }),
  });
  if (res.status !== 201) throw new Error(`connector answered ${String(res.status)}`);
}

/** Visible text nodes and the visible UI attributes of the page. */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [document.title];
    const shown = (el: Element) =>
      el.closest('option, optgroup') !== null ||
      el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      if (text === '' || !el || el.closest('script, style, noscript, template, code')) continue;
      if (shown(el)) out.push(text);
    }
    for (const el of document.querySelectorAll(
      '[placeholder], [aria-label], [title], optgroup[label]',
    )) {
      if (!shown(el)) continue;
      for (const a of ['placeholder', 'aria-label', 'title', 'label']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** Waits until nothing on the page says it is loading (bounded: a stuck page is still checked). */
async function settle(page: Page, lang: Lang): Promise<void> {
  const loading = (lang === 'vi' ? viMessages : enMessages)['app.loading'];
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const busy = await page
      .evaluate(
        (text) =>
          document.getElementById('root')?.childElementCount === 0 ||
          document.querySelector('[aria-busy="true"], [data-state="loading"]') !== null ||
          document.body.innerText.includes(text),
        loading,
      )
      .catch(() => true);
    if (!busy) break;
    await page.waitForTimeout(250);
  }
  await page.waitForTimeout(1000);
}

describe.skipIf(!hasChromium)('i18n — every route in Vietnamese and English', () => {
  let platform: TestPlatform;
  let browser: Browser;
  let sessions: Record<Exclude<Who, 'none'>, StoredSession>;
  let displayToken = '';
  let allowed: string[] = [];
  let codes = new Set<string>();
  let metrics: string[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform({ WEB_DIST_DIR: WEB_DIST });
    sessions = {
      admin: await storedSession(platform, platform.adminToken),
      ward: await storedSession(platform, await platform.loginAs('ward_leader', ['20314'])),
    };
    displayToken = await platform.displayToken('48');
    await seedCamera(platform);
    await seedConnector(platform);
    allowed = await dataNames(platform);
    codes = await dataCodes(platform);
    metrics = await metricCodes(platform);
    await seedReadings(platform);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await platform.dispose();
  });

  const routes = (): { path: string; who: Who; openForms?: boolean }[] => [
    { path: '/login', who: 'none' },
    { path: `/wall?unit=48&token=${encodeURIComponent(displayToken)}`, who: 'none' },
    { path: '/tablet', who: 'ward' },
    // History (issue 20.5): a station's charts with its thresholds, and the ward's.
    { path: '/tablet/history/device/i18n-station-1', who: 'ward' },
    { path: '/tablet/history/ward/20314', who: 'ward' },
    { path: '/admin', who: 'admin' },
    ...ADMIN_SECTIONS.map((s) => ({ path: `/admin/${s}`, who: 'admin' as const, openForms: true })),
    { path: '/reports', who: 'admin' },
    { path: '/reports', who: 'ward' },
    // Citizen reports (issue 14): the console and the wall's scene.
    { path: '/xu-ly-phan-anh', who: 'ward' },
    {
      path: `/wall?unit=48&scene=citizen&token=${encodeURIComponent(displayToken)}`,
      who: 'none',
    },
    { path: '/admin', who: 'ward' },
    { path: '/phan-anh', who: 'none' },
    { path: '/phan-anh/tra-cuu', who: 'none' },
    { path: '/phan-anh/ban-do', who: 'none' },
    // Open data (issue 17): the public portal, no account.
    { path: '/du-lieu-mo', who: 'none' },
    // Unknown top-level paths are the server's 404; unknown paths under a page are the app's.
    { path: '/admin/no-such-section', who: 'admin' },
  ];

  function problemsIn(texts: string[], lang: Lang): string[] {
    const out: string[] = [];
    for (const text of texts) {
      if (KEYS.has(text) || (KEY_LIKE.test(text) && !codes.has(text)))
        out.push(`looks like a message key: "${text}"`);
      // A bare code ("co") or a snake_case one anywhere in a text ("water_level 0,76").
      for (const m of metrics)
        if (text === m || (m.includes('_') && new RegExp(`\\b${m}\\b`).test(text)))
          out.push(`raw metric code "${m}": "${text}"`);
      if (lang !== 'en') continue;
      let rest = text;
      for (const name of allowed) rest = rest.split(name).join(' ');
      if (VIETNAMESE_ONLY.test(rest)) out.push(`Vietnamese in English: "${text}"`);
    }
    return out;
  }

  async function contextFor(lang: Lang, who: Who): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const session = who === 'none' ? null : JSON.stringify(sessions[who]);
    await context.addInitScript(
      ({ l, s }: { l: string; s: string | null }) => {
        window.localStorage.setItem('ioc.lang', l);
        if (s !== null) window.localStorage.setItem('ioc.session', s);
      },
      { l: lang, s: session },
    );
    return context;
  }

  for (const lang of ['vi', 'en'] as const) {
    it(`has no untranslated text in ${lang === 'vi' ? 'Vietnamese' : 'English'}`, async () => {
      const problems: string[] = [];
      for (const route of routes()) {
        const context = await contextFor(lang, route.who);
        const page = await context.newPage();
        const where = `${lang} ${route.who} ${route.path.replace(/token=[^&]+/, 'token=…')}`;
        page.on('console', (m) => {
          if (m.text().includes('[i18n] missing')) problems.push(`${where}: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`${where}: page error ${e.message}`));
        await page.goto(`${platform.httpUrl}${route.path}`);
        await settle(page, lang);
        const htmlLang = await page.evaluate(() => document.documentElement.lang);
        if (htmlLang !== lang) problems.push(`${where}: <html lang="${htmlLang}">`);
        const texts = await visibleTexts(page);
        if (texts.length < 2) problems.push(`${where}: renders no text`);
        for (const p of problemsIn(texts, lang)) problems.push(`${where}: ${p}`);
        if (route.openForms === true) {
          // The "add" forms have their own labels, hints and options: check them too.
          const add = page.locator('.admin-section-head button.admin-primary');
          if ((await add.count()) > 0) {
            await add.first().click();
            await settle(page, lang);
            for (const p of problemsIn(await visibleTexts(page), lang))
              problems.push(`${where} (form): ${p}`);
          }
        }
        const shot = `i18n-${lang}-${route.who}-${route.path.split('?')[0]?.replace(/\W+/g, '_') ?? ''}.png`;
        await page.screenshot({ path: resolve(ARTIFACTS_DIR, shot) });
        await context.close();
      }
      expect([...new Set(problems)]).toEqual([]);
    }, 300_000);
  }
});
