import type { Reporter, TestModule, TestSuite } from 'vitest/node';

/**
 * Lists, after the run, every suite that was skipped as a whole, with its title — suites that
 * cannot run on this machine (e.g. TimescaleDB without TIMESCALE_URL) put the reason there.
 * The default reporter only counts skipped tests; coverage that did not run must be visible.
 */
export default class SkippedSuitesReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped: string[] = [];
    for (const mod of modules) {
      const top = [...mod.children.allSuites()].filter(
        (s: TestSuite) => s.state() === 'skipped' && !isInsideSkipped(s),
      );
      for (const s of top)
        skipped.push(`  ${mod.moduleId.replace(/^.*?\/tests\//, 'tests/')} › ${s.fullName}`);
    }
    if (skipped.length === 0) return;
    process.stdout.write(`\nSkipped suites (${skipped.length}):\n${skipped.join('\n')}\n`);
  }
}

function isInsideSkipped(s: TestSuite): boolean {
  const parent = s.parent;
  return parent.type === 'suite' && parent.state() === 'skipped';
}
