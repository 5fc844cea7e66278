import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// Resolve the same @ioc/* aliases as tsconfig.base.json so tests import libs by their public index.
const base = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'tsconfig.base.json'), 'utf8'),
) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const alias = Object.fromEntries(
  Object.entries(base.compilerOptions.paths).map(([k, v]) => [
    k,
    resolve(import.meta.dirname, v[0] ?? ''),
  ]),
);

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './tests/support/skipped-suites.reporter.ts'],
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'libs/**/*.spec.ts',
            'apps/**/*.spec.ts',
            'apps/**/*.spec.tsx',
            'infra/**/*.spec.ts',
            'tools/**/*.spec.ts',
          ],
          environment: 'node',
          // Specs on PGlite migrate a fresh database in beforeAll: seconds alone, far more while
          // the other files run beside them on two cores.
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // A group of its own after the unit tests, one file at a time (like the integration
          // suites, which vitest runs last): a browser rendering a 4K map in software needs
          // both cores.
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
