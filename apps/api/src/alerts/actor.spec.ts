import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { setPrincipal } from '../auth/principal';
import { userPrincipal } from '../auth/testing/access-fakes';
import { requestOrigin } from './actor';

const request = (headers: Record<string, string | string[]> = {}) =>
  ({ headers, ip: '10.0.0.5', raw: {} }) as unknown as FastifyRequest;

describe('requestOrigin', () => {
  it('names the signed-in principal, whatever header the client adds', () => {
    const req = request({ 'x-ioc-actor': 'someone-else' });
    setPrincipal(req, userPrincipal('ward_operator', ['20194']));
    expect(requestOrigin(req)).toEqual({
      actor: { kind: 'user', id: 'ward_operator' },
      ip: '10.0.0.5',
    });
  });

  it('never takes a name from a header: without a principal the actor is anonymous', () => {
    expect(requestOrigin(request({ 'x-ioc-actor': 'admin' })).actor.id).toBe('anonymous');
  });
});
