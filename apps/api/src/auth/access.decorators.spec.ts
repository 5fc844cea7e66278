import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { unitOfNamed, type UnitSource } from './access.decorators';
import type { ResourceLookups } from './resource-lookups';

const UNITS: Record<string, string> = { 'aq-01': '20275', '20314.vh-xh': '20314' };
const none = () => Promise.resolve(undefined);
const lookups: ResourceLookups = {
  deviceUnit: (id) => Promise.resolve(id.startsWith('aq-') ? UNITS[id] : undefined),
  officeUnit: (id) => Promise.resolve(id.includes('.') ? UNITS[id] : undefined),
  alertUnit: none,
  taskUnit: none,
  periodUnit: none,
  reportScheduleUnit: none,
  citizenReportUnit: none,
  cameraUnit: none,
  cameraEventUnit: none,
};

function resolve(source: UnitSource, req: Partial<FastifyRequest>) {
  if (source.from !== 'lookup') throw new Error('not a lookup');
  return source.resolve(req as FastifyRequest, lookups);
}

describe('unitOfNamed', () => {
  it('finds the unit of the resource named in a query, path or body field', async () => {
    expect(
      await resolve(unitOfNamed('device', 'query', 'device'), { query: { device: 'aq-01' } }),
    ).toBe('20275');
    expect(await resolve(unitOfNamed('device', 'param', 'id'), { params: { id: 'aq-01' } })).toBe(
      '20275',
    );
    expect(
      await resolve(unitOfNamed('office', 'body', 'leadOfficeId'), {
        body: { leadOfficeId: '20314.vh-xh' },
      }),
    ).toBe('20314');
  });

  it('names no unit when the field is absent, and none found when the resource does not exist', async () => {
    const office = unitOfNamed('office', 'body', 'officeId');
    expect(await resolve(office, { body: {} })).toEqual([]);
    expect(await resolve(office, { body: undefined })).toEqual([]);
    expect(await resolve(office, { body: { officeId: '' } })).toEqual([]);
    expect(await resolve(office, { body: { officeId: '20275.nowhere' } })).toBeUndefined();
    // An office id is no device: each kind asks its own lookup.
    expect(
      await resolve(unitOfNamed('device', 'query', 'device'), { query: { device: '20314.vh-xh' } }),
    ).toBeUndefined();
  });
});
