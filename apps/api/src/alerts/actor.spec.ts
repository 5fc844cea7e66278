import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@ioc/contracts';
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

  it('takes x-ioc-actor only without a principal, and anonymous without either', () => {
    expect(requestOrigin(request({ 'x-ioc-actor': ' Nguyễn Văn A ' })).actor).toEqual({
      kind: 'user',
      id: 'Nguyễn Văn A',
    });
    expect(requestOrigin(request({ 'x-ioc-actor': ['first', 'second'] })).actor.id).toBe('first');
    expect(requestOrigin(request()).actor.id).toBe('anonymous');
    expect(requestOrigin(request({ 'x-ioc-actor': '   ' })).actor.id).toBe('anonymous');
  });

  it('refuses a header that could forge an audit line', () => {
    for (const bad of ['admin\nforged: yes', '-leading', 'x'.repeat(129), 'a;b']) {
      const err = (() => {
        try {
          return requestOrigin(request({ 'x-ioc-actor': bad }));
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ code: 'ACTOR_INVALID' });
    }
  });
});
