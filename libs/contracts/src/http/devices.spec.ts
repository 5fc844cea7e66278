import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS, registerDeviceSchema, updateDeviceSchema } from './devices';

describe('device kinds', () => {
  it('registers a device of a known kind', () => {
    for (const kind of DEVICE_KINDS)
      expect(registerDeviceSchema.safeParse({ id: 'dev-1', kind }).success, kind).toBe(true);
  });

  it('refuses a kind the platform does not know, naming the kinds it does', () => {
    for (const r of [
      registerDeviceSchema.safeParse({ id: 'dev-1', kind: 'toaster' }),
      updateDeviceSchema.safeParse({ kind: 'toaster' }),
    ]) {
      expect(r.success).toBe(false);
      const issue = r.error?.issues.find((i) => i.path.join('.') === 'kind');
      expect(issue?.message).toBe(`one of ${DEVICE_KINDS.join(', ')}`);
    }
  });
});
