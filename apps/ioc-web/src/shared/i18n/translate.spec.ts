import { afterEach, describe, expect, it, vi as vitest } from 'vitest';
import { translate, type MessageKey } from './translate';

describe('translate — missing keys', () => {
  afterEach(() => {
    vitest.restoreAllMocks();
  });

  it('reports a key with no message and shows the key itself', () => {
    const error = vitest.spyOn(console, 'error').mockImplementation(() => undefined);
    const status: string = 'nonexistent';
    const built = `alerts.status.${status}` as MessageKey;
    expect(translate('en', built)).toBe('alerts.status.nonexistent');
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]?.[0])).toContain(
      '[i18n] missing key "alerts.status.nonexistent"',
    );
  });

  it('stays quiet for a known key', () => {
    const error = vitest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(translate('vi', 'login.title')).toBe('Đăng nhập');
    expect(error).not.toHaveBeenCalled();
  });
});
