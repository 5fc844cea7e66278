import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, isValidDeviceId, verifyToken } from './credentials';

describe('device credentials', () => {
  it('verifies the token it hashed and refuses another', () => {
    const t = generateToken();
    const h = hashToken(t);
    expect(verifyToken(t, h)).toBe(true);
    expect(verifyToken(generateToken(), h)).toBe(false);
    expect(verifyToken(t, 'abc')).toBe(false);
  });
  it('restricts device ids to topic-safe characters', () => {
    expect(isValidDeviceId('aq-20314-01')).toBe(true);
    expect(isValidDeviceId('a/b')).toBe(false);
    expect(isValidDeviceId('+')).toBe(false);
    expect(isValidDeviceId('')).toBe(false);
  });
});
