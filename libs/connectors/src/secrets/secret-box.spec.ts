import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box';

describe('SecretBox (AES-256-GCM)', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = box.seal('lgsp-secret-Kx91', 'dvc');
    expect(sealed).not.toContain('lgsp-secret-Kx91');
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(box.open(sealed, 'dvc')).toBe('lgsp-secret-Kx91');
  });

  it('refuses a value moved to another connector, a tampered value and another key', () => {
    const sealed = box.seal('s3cret', 'dvc');
    expect(() => box.open(sealed, 'other')).toThrow();
    const parts = sealed.split(':');
    const ct = Buffer.from(parts[3] ?? '', 'base64url');
    ct[0] = (ct[0] ?? 0) ^ 1;
    expect(() =>
      box.open([...parts.slice(0, 3), ct.toString('base64url')].join(':'), 'dvc'),
    ).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'dvc')).toThrow();
  });

  it('reads a hex or base64url key of 32 bytes and refuses any other length', () => {
    const key = randomBytes(32);
    const sealed = SecretBox.fromConfig(key.toString('hex')).seal('x', 'a');
    expect(SecretBox.fromConfig(key.toString('base64url')).open(sealed, 'a')).toBe('x');
    expect(() => SecretBox.fromConfig('short')).toThrow(/32 bytes/);
  });
});
