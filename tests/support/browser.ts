import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { testEnv } from './env';

export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../../test-artifacts');
export const WEB_DIST = resolve(import.meta.dirname, '../../dist/ioc-web');

/** Headless Debian Chromium; a missing browser fails in CI and skips elsewhere. */
export function chromiumAvailable(): boolean {
  const ok = existsSync(testEnv.chromium);
  if (!ok && testEnv.ci)
    throw new Error(`Chromium is required in CI but ${testEnv.chromium} is missing`);
  if (!existsSync(resolve(WEB_DIST, 'index.html'))) {
    throw new Error(`the web app is not built (${WEB_DIST}); run npm run build:web`);
  }
  return ok;
}

/** The flags every test browser runs with (WebGL in software: the wall's map needs it). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({ executablePath: testEnv.chromium, headless: true, args: CHROMIUM_ARGS });
}
