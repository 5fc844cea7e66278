import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@ioc/contracts';
import { unitOfDevice } from './access.decorators';
import { unitsOf } from './request-units';
import type { ResourceLookups } from './resource-lookups';

const request = (parts: { query?: object; params?: object; body?: unknown }) =>
  parts as unknown as FastifyRequest;

const devices: Record<string, string | null> = { 'aq-01': '20194', 'vessel-1': null };
const lookups = {
  deviceUnit: (id: string) => Promise.resolve(id in devices ? devices[id] : undefined),
} as unknown as ResourceLookups;

describe('unitsOf', () => {
  it('reads one code, a comma-separated list (trimmed) or an array', async () => {
    const q = { from: 'query', name: 'unit' } as const;
    expect(await unitsOf(q, request({ query: { unit: '48' } }), lookups)).toEqual(['48']);
    expect(await unitsOf(q, request({ query: { unit: '20194, 20200' } }), lookups)).toEqual([
      '20194',
      '20200',
    ]);
    const b = { from: 'body', name: 'units' } as const;
    expect(await unitsOf(b, request({ body: { units: ['48', '79'] } }), lookups)).toEqual([
      '48',
      '79',
    ]);
    const p = { from: 'param', name: 'code' } as const;
    expect(await unitsOf(p, request({ params: { code: '79' } }), lookups)).toEqual(['79']);
  });

  it('reads an absent or empty value as naming no unit', async () => {
    const q = { from: 'query', name: 'unit' } as const;
    expect(await unitsOf(q, request({ query: {} }), lookups)).toEqual([]);
    expect(await unitsOf(q, request({ query: { unit: '' } }), lookups)).toEqual([]);
    expect(await unitsOf(q, request({}), lookups)).toEqual([]);
  });

  it('never reads a unit out of a raw body (ingest routes keep their bytes)', async () => {
    const b = { from: 'body', name: 'unit' } as const;
    const raw = Buffer.from(JSON.stringify({ unit: '26734' }));
    expect(await unitsOf(b, request({ body: raw }), lookups)).toEqual([]);
  });

  it('refuses anything that is not a unit code, so a scope check never sees junk', async () => {
    const q = { from: 'query', name: 'unit' } as const;
    for (const bad of ['48,../../etc', 'x'.repeat(17), '48;DROP', ['48', 7]]) {
      const err = await unitsOf(q, request({ query: { unit: bad } }), lookups).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ kind: 'invalid', code: 'UNIT_INVALID' });
    }
  });

  it('tells a device without a unit ([]) from a device that does not exist (undefined)', async () => {
    const source = unitOfDevice('query', 'device');
    expect(await unitsOf(source, request({ query: { device: 'aq-01' } }), lookups)).toEqual([
      '20194',
    ]);
    expect(await unitsOf(source, request({ query: { device: 'vessel-1' } }), lookups)).toEqual([]);
    expect(await unitsOf(source, request({ query: { device: 'ghost' } }), lookups)).toBeUndefined();
    // No device named: nothing to look up, the request names no unit.
    expect(await unitsOf(source, request({ query: {} }), lookups)).toEqual([]);
  });
});
