import { describe, expect, it } from 'vitest';
import { Authorizer } from './authorizer';
import type { Principal, Role } from './model';

const parents = new Map<string, string | null>([
  ['48', null],
  ['20275', '48'],
  ['20314', '48'],
  ['75', null],
  ['26734', '75'],
]);
const authz = new Authorizer({ parentOf: (c) => parents.get(c) ?? null });

function user(role: Role, units: string[]): Principal {
  return {
    kind: 'user',
    actor: role,
    displayName: role,
    userId: 'u',
    username: role,
    role,
    units,
    sessionId: 's',
  };
}
const display: Principal = {
  kind: 'display',
  actor: 'display:1',
  displayName: 'wall',
  tokenId: '1',
  units: ['20275'],
};

describe('Authorizer', () => {
  it('gives each role its actions', () => {
    expect(authz.decide(user('province_leader', ['48']), 'alerts.work', '20275')).toMatchObject({
      allow: false,
      code: 'FORBIDDEN_ROLE',
    });
    expect(authz.decide(user('province_operator', ['48']), 'alerts.work', '20275').allow).toBe(
      true,
    );
    expect(authz.decide(user('ward_operator', ['20275']), 'alerts.work', '20275').allow).toBe(true);
    expect(authz.decide(user('ward_leader', ['20275']), 'alerts.work', '20275')).toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
    expect(authz.decide(user('province_operator', ['48']), 'admin', null)).toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
    expect(authz.decide(user('admin', []), 'admin', null).allow).toBe(true);
    expect(authz.decide(user('admin', []), 'ingest', null)).toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
    expect(authz.decide(display, 'alerts.work', '20275')).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });

  it('lets operators, leaders and admin handle the citizen reports of their units only', () => {
    for (const role of ['ward_operator', 'ward_leader'] as const) {
      expect(authz.decide(user(role, ['20275']), 'citizen.handle', '20275').allow).toBe(true);
      expect(authz.decide(user(role, ['20275']), 'citizen.handle', '20314')).toMatchObject({
        code: 'FORBIDDEN_SCOPE',
      });
    }
    for (const role of ['province_operator', 'province_leader'] as const) {
      expect(authz.decide(user(role, ['48']), 'citizen.handle', '20314').allow).toBe(true);
      expect(authz.decide(user(role, ['48']), 'citizen.handle', '26734')).toMatchObject({
        code: 'FORBIDDEN_SCOPE',
      });
    }
    expect(authz.decide(user('admin', []), 'citizen.handle', '20314').allow).toBe(true);
    expect(authz.decide(display, 'citizen.handle', '20275')).toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
  });

  it('covers a province and its wards for province roles, not another province', () => {
    const leader = user('province_leader', ['48']);
    expect(authz.decide(leader, 'read', '48').allow).toBe(true);
    expect(authz.decide(leader, 'read', '20314').allow).toBe(true);
    expect(authz.decide(leader, 'read', '26734')).toMatchObject({ code: 'FORBIDDEN_SCOPE' });
    expect(authz.decide(leader, 'read', null).allow).toBe(true);
  });

  it('keeps ward roles and displays to their own units, with no unscoped questions', () => {
    const ward = user('ward_leader', ['20275']);
    expect(authz.decide(ward, 'read', '20275').allow).toBe(true);
    expect(authz.decide(ward, 'read', '20314')).toMatchObject({ code: 'FORBIDDEN_SCOPE' });
    expect(authz.decide(ward, 'read', '48')).toMatchObject({ code: 'FORBIDDEN_SCOPE' });
    expect(authz.decide(ward, 'read', null)).toMatchObject({ code: 'FORBIDDEN_SCOPE' });
    expect(authz.decide(display, 'read', '20314')).toMatchObject({ code: 'FORBIDDEN_SCOPE' });
    expect(authz.decideAll(ward, 'read', ['20275', '20314'])).toMatchObject({
      code: 'FORBIDDEN_SCOPE',
    });
    expect(
      authz.decideAll(user('ward_leader', ['20275', '20314']), 'read', ['20275', '20314']).allow,
    ).toBe(true);
  });

  it('treats an unknown unit as outside every scope but the administrator’s', () => {
    expect(authz.decide(user('province_leader', ['48']), 'read', '99999')).toMatchObject({
      code: 'FORBIDDEN_SCOPE',
    });
    expect(authz.decide(user('admin', []), 'read', '99999').allow).toBe(true);
  });

  it('checks only the role when the data is not about a unit', () => {
    expect(authz.decideAction(display, 'read').allow).toBe(true);
    expect(authz.decideAction(user('ward_leader', ['20275']), 'admin')).toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
  });

  it('scopes machine credentials for ingest', () => {
    const feed: Principal = {
      kind: 'machine',
      machine: 'feed',
      id: 'f',
      actor: 'feed:f',
      displayName: 'f',
      units: ['20275'],
    };
    expect(authz.decide(feed, 'ingest', '20275').allow).toBe(true);
    expect(authz.decide(feed, 'ingest', '20314')).toMatchObject({ code: 'FORBIDDEN_SCOPE' });
    expect(authz.decide(feed, 'read', '20275')).toMatchObject({ code: 'FORBIDDEN_ROLE' });
  });
});
