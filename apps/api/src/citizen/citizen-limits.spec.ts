import type { FastifyReply } from 'fastify';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@ioc/contracts';
import type { DeadLetter } from '@ioc/ingest';
import { CitizenLimits } from './citizen-limits';
import { CitizenRefusals } from './citizen-refusals';

function reply(): FastifyReply & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return {
    headers,
    header(k: string, v: string) {
      headers[k] = v;
      return this;
    },
  } as unknown as FastifyReply & { headers: Record<string, string> };
}

function limits(perMinute = 3) {
  const kept: DeadLetter[] = [];
  const refusals = new CitizenRefusals(
    {
      add: (d) => {
        kept.push(d);
        return Promise.resolve();
      },
    },
    new Registry(),
  );
  const l = new CitizenLimits(
    { submitPerMinute: perMinute, submitPerDay: 5, appPerMinute: 2, readPerMinute: 10 },
    refusals,
  );
  return { l, kept, refusals };
}

async function refusal(p: Promise<void>): Promise<DomainError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('CitizenLimits', () => {
  it('lets a client its allowance, then answers 429 RATE_LIMITED with Retry-After, counted and kept', async () => {
    const { l, kept, refusals } = limits();
    for (let i = 0; i < 3; i++) await l.take('submit', '203.0.113.1', reply(), 'test');
    const r = reply();
    const err = await refusal(l.take('submit', '203.0.113.1', r, 'test'));
    expect([err.kind, err.code]).toEqual(['rate_limited', 'RATE_LIMITED']);
    expect(err.message).toMatch(/quá nhiều yêu cầu/);
    expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(await refusals.count('citizen_rate_limited')).toBe(1);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ reason: 'citizen_rate_limited', source: 'test' });
    // Only a hash of the address is kept.
    expect(JSON.stringify(kept[0])).not.toContain('203.0.113.1');
  });

  it('keeps clients apart: one over its limit never slows another', async () => {
    const { l } = limits(1);
    await l.take('submit', '203.0.113.1', reply(), 'test');
    await expect(l.take('submit', '203.0.113.1', reply(), 'test')).rejects.toThrow(DomainError);
    await expect(l.take('submit', '203.0.113.2', reply(), 'test')).resolves.toBeUndefined();
    // Reads and app keys have allowances of their own.
    await expect(l.take('read', '203.0.113.1', reply(), 'test')).resolves.toBeUndefined();
    await l.take('app', 'app:a', reply(), 'test');
    await l.take('app', 'app:a', reply(), 'test');
    await expect(l.take('app', 'app:a', reply(), 'test')).rejects.toThrow(/RATE|quá nhiều/);
  });

  it('applies the daily allowance across minutes', async () => {
    const { l } = limits(100);
    for (let i = 0; i < 5; i++) await l.take('submit', '203.0.113.9', reply(), 'test');
    const err = await refusal(l.take('submit', '203.0.113.9', reply(), 'test'));
    expect(err.code).toBe('RATE_LIMITED');
  });
});
