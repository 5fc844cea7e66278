import { AdminApiError } from '../../../shared/api/call';
import type { MessageKey, MessageParams } from '../../../shared/i18n/translate';

type T = (key: MessageKey, params?: MessageParams) => string;

/** API error codes the residents' pages explain in the reader's language. */
export const CITIZEN_ERROR_MESSAGES: Readonly<Record<string, MessageKey>> = {
  OUTSIDE_PROVINCE: 'citizen.error.outsideProvince',
  PHOTO_TOO_LARGE: 'citizen.error.photoTooLarge',
  PHOTO_NOT_IMAGE: 'citizen.error.photoNotImage',
  RATE_LIMITED: 'citizen.error.rateLimited',
};

/** A 404: the server does not offer what was asked (an older API), as opposed to a failure. */
export function isNotFound(err: unknown): boolean {
  return err instanceof AdminApiError && err.status === 404;
}

/** The text of a failed read of one case: a 404 means no case has that code. */
export function trackingErrorText(t: T, err: unknown): string {
  if (err instanceof AdminApiError && err.status === 404) return t('citizen.error.notFound');
  return citizenErrorText(t, err);
}

/**
 * The text of a failed call: a known code in the reader's language, else the server's own
 * message (already Vietnamese), else a generic line for network failures and server errors.
 */
export function citizenErrorText(t: T, err: unknown): string {
  if (err instanceof AdminApiError) {
    const key = CITIZEN_ERROR_MESSAGES[err.code];
    if (key !== undefined) {
      if (err.code === 'RATE_LIMITED' && err.retryAfterS !== null)
        return t('citizen.error.rateLimitedFor', { seconds: err.retryAfterS });
      return t(key);
    }
    if (err.status === 0 || err.status >= 500) return t('citizen.error.server');
    return err.message;
  }
  if (err instanceof DOMException && err.name === 'TimeoutError') return t('citizen.error.timeout');
  if (err instanceof TypeError) return t('citizen.error.network');
  return t('citizen.error.server');
}
