import type { FastifyRequest } from 'fastify';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@ioc/contracts';
import type { DeadLetter } from '@ioc/ingest';
import { clientKeyOf, withRefusals } from './citizen-edge';
import { CitizenRefusals } from './citizen-refusals';

function refusals() {
  const kept: DeadLetter[] = [];
  const r = new CitizenRefusals(
    {
      add: (d) => {
        kept.push(d);
        return Promise.resolve();
      },
    },
    new Registry(),
  );
  return { r, kept };
}

const request = {
  method: 'POST',
  url: '/api/v1/public/citizen/reports?lang=vi',
  ip: '203.0.113.9',
  headers: {
    'content-type': 'multipart/form-data; boundary=x',
    'content-length': '123456',
  },
} as unknown as FastifyRequest;

describe('withRefusals', () => {
  it('counts and dead-letters an invalid submission under its reason, keeping only the request’s shape', async () => {
    const { r, kept } = refusals();
    const err = new DomainError('invalid', 'PHOTO_TOO_LARGE', 'Ảnh vượt quá 10 MB');
    await expect(withRefusals(r, request, 'public', () => Promise.reject(err))).rejects.toBe(err);
    expect(await r.count('citizen_photo_too_large')).toBe(1);
    expect(kept).toEqual([
      {
        reason: 'citizen_photo_too_large',
        source: 'public',
        detail: 'PHOTO_TOO_LARGE: Ảnh vượt quá 10 MB',
        payload:
          'POST /api/v1/public/citizen/reports; content-type: multipart/form-data; content-length: 123456',
      },
    ]);
  });

  it('files an unlisted invalid code under citizen_invalid', async () => {
    const { r, kept } = refusals();
    const err = new DomainError('invalid', 'CITIZEN_REPORT_INVALID', 'description: required');
    await expect(withRefusals(r, request, 'app', () => Promise.reject(err))).rejects.toBe(err);
    expect(kept.map((d) => d.reason)).toEqual(['citizen_invalid']);
  });

  it('lets other failures and successes pass without a refusal', async () => {
    const { r, kept } = refusals();
    expect(await withRefusals(r, request, 'public', () => Promise.resolve('PA123'))).toBe('PA123');
    const conflict = new DomainError('conflict', 'DUPLICATE', 'already reported');
    await expect(withRefusals(r, request, 'public', () => Promise.reject(conflict))).rejects.toBe(
      conflict,
    );
    await expect(
      withRefusals(r, request, 'public', () => Promise.reject(new Error('db down'))),
    ).rejects.toThrow('db down');
    expect(kept).toEqual([]);
  });
});

describe('clientKeyOf', () => {
  it('keys a client by a hash of its address, never the address itself', () => {
    const key = clientKeyOf(request);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('203.0.113.9');
    expect(clientKeyOf({ ...request, ip: '203.0.113.10' })).not.toBe(key);
  });
});
