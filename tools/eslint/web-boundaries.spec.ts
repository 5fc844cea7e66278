import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

// The repository's own eslint.config.mjs, so the fixtures also prove the web rules are wired in.
// Type-aware parsing is switched off: these rules read import specifiers only, and a virtual file
// belongs to no tsconfig.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: [
    tseslint.configs.disableTypeChecked,
    // Needs the Nx project graph; it is not what these fixtures prove.
    { rules: { '@nx/enforce-module-boundaries': 'off' } },
  ],
});

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

// The first lint loads the whole config and its plugins: seconds on a loaded two-core runner.
describe('web import direction (tools/eslint/web-boundaries.mjs)', { timeout: 60_000 }, () => {
  it('refuses shared code importing a feature', async () => {
    const found = await problems(
      'apps/ioc-web/src/shared/map/fixture.ts',
      "import { WallHeader } from '../../features/wall/components/WallHeader';\nexport const x = WallHeader;\n",
    );
    expect(found).toEqual([expect.stringMatching(/^web\/import-direction: shared\/ code may not/)]);
  });

  it('refuses shared code importing the app shell', async () => {
    const found = await problems(
      'apps/ioc-web/src/shared/api/fixture.ts',
      "import { HOME_PATH } from '../../app/routes';\nexport const x = HOME_PATH;\n",
    );
    expect(found).toEqual([expect.stringMatching(/^web\/import-direction: /)]);
  });

  it('refuses a feature importing another feature, index or internals', async () => {
    const found = await problems(
      'apps/ioc-web/src/features/login/components/fixture.ts',
      [
        "import { sectionOf } from '../../admin/model/sections';",
        "import { loadAdminPage } from '../../admin';",
        'export const x = [sectionOf, loadAdminPage];',
        '',
      ].join('\n'),
    );
    expect(found).toEqual([
      "web/import-direction: Feature 'login' may not import feature 'admin'. Move what both need into shared/.",
      "web/import-direction: Feature 'login' may not import feature 'admin'. Move what both need into shared/.",
    ]);
  });

  it('refuses the app shell reaching past a feature index', async () => {
    const found = await problems(
      'apps/ioc-web/src/app/fixture.ts',
      "export const load = () => import('../features/wall/WallPage');\n",
    );
    expect(found).toEqual([expect.stringMatching(/^web\/import-direction: Import feature 'wall'/)]);
  });

  it('refuses web code importing a backend package', async () => {
    const found = await problems(
      'apps/ioc-web/src/features/wall/fixture.ts',
      "import { Pool } from 'pg';\nexport const x = Pool;\n",
    );
    expect(found).toEqual([
      expect.stringMatching(/^no-restricted-imports: 'pg' import is restricted/),
    ]);
  });

  it('accepts the allowed directions', async () => {
    const found = await problems(
      'apps/ioc-web/src/features/wall/components/fixture.ts',
      [
        "import { useI18n } from '../../../shared/i18n/useI18n';",
        "import { isStale } from '../model/staleness';",
        'export const x = [useI18n, isStale];',
        '',
      ].join('\n'),
    );
    expect(found).toEqual([]);
    const app = await problems(
      'apps/ioc-web/src/app/fixture.ts',
      "import { loadWallPage } from '../features/wall';\nexport const x = loadWallPage;\n",
    );
    expect(app).toEqual([]);
  });
});
