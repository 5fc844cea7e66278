import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph';

const repo = resolve(import.meta.dirname, '../..');

describe('import graph', () => {
  it('finds a cycle, including one made only of type imports', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('resolves relative and @ioc/* imports of the real tree', () => {
    const graph = importGraph(repo, ['apps/api/src']);
    expect(graph.get('apps/api/src/main.ts')).toContain('apps/api/src/composition/platform.ts');
    expect(graph.get('apps/api/src/composition/platform.ts')).toContain('libs/ingest/src/index.ts');
  });

  // ESLint's import-x/no-cycle skips `import type`; this sees every import, so a cycle of
  // types (a port imported back by the thing that implements it) is caught too.
  it('has no import cycle in apps, libs, tests or tools', () => {
    const graph = importGraph(repo, ['apps', 'libs', 'tests', 'tools']);
    expect(graph.size).toBeGreaterThan(300);
    expect(importCycles(graph)).toEqual([]);
  });
});
