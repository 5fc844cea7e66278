import { describe, expect, it } from 'vitest';
import { DomainError } from '@ioc/contracts';
import { assertAcceptablePassword } from './passwords';

const code = (password: string, username = 'nguyenvana'): string | null => {
  try {
    assertAcceptablePassword(password, username);
    return null;
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
};

describe('assertAcceptablePassword', () => {
  it.each(['aaaaaaaaaaaa', 'password1234', 'Password123!', 'qwertyuiop12', '123456789012'])(
    'refuses a common or repetitive password: %s',
    (password) => {
      expect(code(password)).toBe('PASSWORD_WEAK');
    },
  );

  it('refuses one built on the username, and short ones before anything else', () => {
    expect(code('nguyenvana-2026', 'nguyenvana')).toBe('PASSWORD_CONTAINS_USERNAME');
    expect(code('short', 'x')).toBe('PASSWORD_TOO_SHORT');
  });

  it.each(['a good long passphrase', 'sông Hàn lúc bình minh', 'onboard-a-ward-2026!'])(
    'accepts a passphrase: %s',
    (password) => {
      expect(code(password)).toBeNull();
    },
  );
});
