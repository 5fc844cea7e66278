import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');

/** The rule ids ESLint reports for `code` placed at `path` (relative to the repository). */
async function ruleIds(eslint: ESLint, code: string, path: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(repo, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// The repository's own eslint.config.mjs, run on deliberate violations: each rule the
// architecture relies on must fire where the layering is broken, and stay quiet where it is not.
describe('lint enforces the layers', () => {
  // (web import rules: apps/ioc-web's own lint spec)
  let eslint: ESLint;
  beforeAll(() => {
    // The Nx rule reads the cached project graph and skips itself without one (fresh clone).
    execFileSync(resolve(repo, 'node_modules/.bin/nx'), ['show', 'projects'], {
      cwd: repo,
      stdio: 'ignore',
    });
    // Type information is not what these rules read; without it the snippets need not exist
    // on disk (the type-aware parser only accepts files its tsconfig includes).
    eslint = new ESLint({
      cwd: repo,
      ignore: false,
      overrideConfig: [tseslint.configs.disableTypeChecked],
    });
  });

  it('refuses a domain lib importing another domain lib', async () => {
    const ids = await ruleIds(
      eslint,
      "import type { IngestService } from '@ioc/ingest';\n\nexport type Ingest = IngestService;\n",
      'libs/live/src/layer-fixture.ts',
    );
    expect(ids).toContain('@nx/enforce-module-boundaries');
  }, 120_000);

  it('lets a domain lib import the shared contracts and infra', async () => {
    const ids = await ruleIds(
      eslint,
      "import type { Queryable } from '@ioc/db';\nimport type { AuditSink } from '@ioc/contracts';\n\nexport type Port = [Queryable, AuditSink<string>];\n",
      'libs/live/src/layer-fixture.ts',
    );
    expect(ids).toEqual([]);
  }, 120_000);

  it('refuses infra importing a domain lib', async () => {
    const ids = await ruleIds(
      eslint,
      "import type { LiveHub } from '@ioc/live';\n\nexport type Hub = LiveHub;\n",
      'libs/config/src/layer-fixture.ts',
    );
    expect(ids).toContain('@nx/enforce-module-boundaries');
  }, 120_000);

  it('refuses an import cycle', async () => {
    const results = await eslint.lintFiles(['tools/lint/fixtures/cycle/a.ts']);
    expect(results[0]?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  }, 120_000);
});
