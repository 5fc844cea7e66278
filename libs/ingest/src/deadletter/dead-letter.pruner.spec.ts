import { afterEach, describe, expect, it } from 'vitest';
import type { DeadLetterRepository } from './dead-letter.repository';
import { DeadLetterPruner } from './dead-letter.pruner';

function repo(results: (number | Error)[]) {
  const calls: [number, number][] = [];
  const r = {
    calls,
    prune(maxAgeDays: number, maxRows: number): Promise<number> {
      calls.push([maxAgeDays, maxRows]);
      const next = results.shift() ?? 0;
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
  };
  return r;
}

const policy = { maxAgeDays: 30, maxRows: 100_000, intervalMs: 3_600_000 };

describe('DeadLetterPruner', () => {
  let pruner: DeadLetterPruner | undefined;
  afterEach(async () => {
    await pruner?.stop();
  });

  it('prunes by the policy’s age and size and counts what it removed', async () => {
    const r = repo([5, 7]);
    pruner = new DeadLetterPruner(r as unknown as DeadLetterRepository, policy);
    await pruner.runOnce();
    await pruner.runOnce();
    expect(r.calls).toEqual([
      [30, 100_000],
      [30, 100_000],
    ]);
    expect(pruner.pruned).toBe(12);
  });

  it('keeps a failure for the health view and clears it on the next success', async () => {
    const r = repo([new Error('connect ECONNREFUSED'), 3]);
    pruner = new DeadLetterPruner(r as unknown as DeadLetterRepository, policy);
    await pruner.runOnce();
    expect(pruner.lastError?.message).toBe('connect ECONNREFUSED');
    await pruner.runOnce();
    expect(pruner.lastError).toBeUndefined();
    expect(pruner.pruned).toBe(3);
  });

  it('runs one pass at a time, however often it is asked', async () => {
    const r = repo([1]);
    pruner = new DeadLetterPruner(r as unknown as DeadLetterRepository, policy);
    await Promise.all([pruner.runOnce(), pruner.runOnce(), pruner.runOnce()]);
    expect(r.calls).toHaveLength(1);
  });

  it('prunes once at start, and stop waits for a pass in progress', async () => {
    const r = repo([2]);
    pruner = new DeadLetterPruner(r as unknown as DeadLetterRepository, policy);
    pruner.start();
    pruner.start();
    await pruner.stop();
    expect(r.calls).toHaveLength(1);
    expect(pruner.pruned).toBe(2);
  });
});
