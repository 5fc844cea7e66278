import { describe, expect, it } from 'vitest';
import { homeForRole, loginPathFor, safeNext, storedSessionOf } from './navigation';

describe('safeNext', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeNext('/admin/devices')).toBe('/admin/devices');
    expect(safeNext('/wall?unit=48&lang=en')).toBe('/wall?unit=48&lang=en');
  });

  it('refuses anything that could leave the site', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      'admin',
      '/ok\nSet-Cookie',
      '',
      null,
    ]) {
      expect(safeNext(bad), String(bad)).toBeNull();
    }
  });
});

describe('homeForRole', () => {
  it('sends admins to /admin, ward roles to /tablet, province roles to /wall', () => {
    expect(homeForRole('admin')).toBe('/admin');
    expect(homeForRole('ward_leader')).toBe('/tablet');
    expect(homeForRole('ward_operator')).toBe('/tablet');
    expect(homeForRole('province_leader')).toBe('/wall');
    expect(homeForRole('province_operator')).toBe('/wall');
  });
});

describe('sessions and links', () => {
  it('stores the session from the login answer', () => {
    expect(
      storedSessionOf({
        token: 'iocs_x',
        expiresAt: '2030-01-01T00:00:00Z',
        user: {
          id: 'u1',
          username: 'an',
          displayName: 'Nguyễn An',
          role: 'ward_leader',
          units: ['20314'],
          disabled: false,
          email: null,
          phone: null,
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
          passwordChangedAt: '2026-01-01T00:00:00Z',
        },
      }),
    ).toEqual({
      token: 'iocs_x',
      expiresAt: '2030-01-01T00:00:00Z',
      username: 'an',
      displayName: 'Nguyễn An',
      role: 'ward_leader',
      units: ['20314'],
    });
  });

  it('builds a sign-in link that returns to the page', () => {
    expect(loginPathFor('/admin/feeds')).toBe('/login?next=%2Fadmin%2Ffeeds');
  });
});
