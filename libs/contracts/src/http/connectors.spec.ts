import { describe, expect, it } from 'vitest';
import { connectorCreateBody, connectorPatchBody } from './connectors';

describe('connectorPatchBody', () => {
  it('changes only what is sent: no default auth, schedule or limits sneak in', () => {
    // With the create body's defaults a rename replaced the auth profile with `none`.
    expect(connectorPatchBody.parse({ name: 'Đổi tên' })).toEqual({ name: 'Đổi tên' });
    expect(connectorPatchBody.parse({ schedule: null })).toEqual({ schedule: null });
  });

  it('checks what is sent as the create body does', () => {
    expect(connectorPatchBody.safeParse({ rateLimitPerMinute: 0 }).success).toBe(false);
    expect(connectorPatchBody.safeParse({ auth: { kind: 'lgsp', appName: 'a' } }).success).toBe(
      false,
    );
    expect(connectorPatchBody.safeParse({ id: 'x' }).success).toBe(false);
    expect(connectorCreateBody.shape.auth.parse(undefined)).toEqual({ kind: 'none' });
  });
});
