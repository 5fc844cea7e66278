import { describe, expect, it } from 'vitest';
import { AdminApiError } from '../../../shared/api/call';
import { translate, type MessageKey, type MessageParams } from '../../../shared/i18n/translate';
import { citizenErrorText, isNotFound, trackingErrorText } from './errors';

const vi = (key: MessageKey, params?: MessageParams) => translate('vi', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

function apiError(status: number, code: string, message: string, retry: number | null = null) {
  return new AdminApiError(status, code, message, { fields: {}, form: [] }, retry);
}

describe('citizenErrorText', () => {
  it('explains the intake refusals in the reader’s language', () => {
    const outside = apiError(400, 'OUTSIDE_PROVINCE', 'Vị trí nằm ngoài địa bàn');
    expect(citizenErrorText(vi, outside)).toBe(translate('vi', 'citizen.error.outsideProvince'));
    expect(citizenErrorText(en, outside)).toMatch(/outside/i);
    expect(citizenErrorText(en, apiError(400, 'PHOTO_TOO_LARGE', 'Ảnh vượt quá 10 MB'))).toMatch(
      /10 MB/,
    );
    expect(citizenErrorText(vi, apiError(400, 'PHOTO_NOT_IMAGE', 'x'))).toBe(
      translate('vi', 'citizen.error.photoNotImage'),
    );
  });

  it('says how long to wait when the API sent Retry-After', () => {
    expect(citizenErrorText(vi, apiError(429, 'RATE_LIMITED', 'x', 42))).toContain('42');
    expect(citizenErrorText(en, apiError(429, 'RATE_LIMITED', 'x'))).toBe(
      translate('en', 'citizen.error.rateLimited'),
    );
  });

  it('falls back to the server’s message for a code it does not know', () => {
    expect(
      citizenErrorText(en, apiError(400, 'CITIZEN_CATEGORY_UNKNOWN', 'Danh mục không tồn tại')),
    ).toBe('Danh mục không tồn tại');
  });

  it('names a missing case only where a case was read, a server and a network failure', () => {
    expect(trackingErrorText(vi, apiError(404, 'CITIZEN_NOT_FOUND', 'x'))).toBe(
      translate('vi', 'citizen.error.notFound'),
    );
    expect(citizenErrorText(vi, apiError(404, 'ROUTE_NOT_FOUND', 'x'))).not.toBe(
      translate('vi', 'citizen.error.notFound'),
    );
    expect(citizenErrorText(vi, apiError(503, 'x', 'x'))).toBe(
      translate('vi', 'citizen.error.server'),
    );
    expect(citizenErrorText(vi, new TypeError('Failed to fetch'))).toBe(
      translate('vi', 'citizen.error.network'),
    );
  });

  it('tells a 404 apart from a failure', () => {
    expect(isNotFound(apiError(404, 'ROUTE_NOT_FOUND', 'x'))).toBe(true);
    expect(isNotFound(apiError(503, 'x', 'x'))).toBe(false);
    expect(isNotFound(new TypeError('Failed to fetch'))).toBe(false);
  });
});
