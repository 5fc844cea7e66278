import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * AES-256-GCM for the secrets of auth profiles (keys, passwords, client secrets). The key comes
 * from the config (CONNECTOR_SECRET_KEY, 32 bytes); the connector id is the additional
 * authenticated data, so a sealed value copied onto another connector does not open.
 * Sealed form: `v1:<iv>:<tag>:<ciphertext>` (base64url each).
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('connector secret key must be 32 bytes');
    this.key = key;
  }

  /** Reads the configured key: 64 hex characters or base64/base64url of 32 bytes. */
  static fromConfig(text: string): SecretBox {
    const key = /^[0-9a-f]{64}$/i.test(text)
      ? Buffer.from(text, 'hex')
      : Buffer.from(text, 'base64url');
    return new SecretBox(key);
  }

  seal(plaintext: string, aad: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url'));
    return [VERSION, ...parts].join(':');
  }

  open(sealed: string, aad: string): string {
    const [version, iv, tag, ct] = sealed.split(':');
    if (version !== VERSION || iv === undefined || tag === undefined || ct === undefined) {
      throw new Error('not a sealed connector secret');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ct, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }
}
