import { AdminApiError } from '../api/call';
import { ERROR_FIELDS, ERROR_MESSAGES, type FieldErrors } from '../api/errors';
import type { I18n } from '../i18n/useI18n';

/** The reader's-language text for a failed call: a known code is translated, else the API's. */
export function errorText(t: I18n['t'], err: unknown): string {
  if (err instanceof AdminApiError) {
    const key = ERROR_MESSAGES[err.code];
    if (key !== undefined) return t(key, { seconds: err.retryAfterS ?? 0 });
    if (err.status === 0 || err.status >= 500) return t('admin.error.server');
    return t('admin.error.generic', { message: err.message });
  }
  if (err instanceof DOMException && err.name === 'TimeoutError') return t('admin.error.timeout');
  if (err instanceof TypeError) return t('admin.error.network');
  return t('admin.error.generic', { message: err instanceof Error ? err.message : String(err) });
}

/**
 * Field problems of a failed submit, with a code that belongs to one field filed under it — in
 * the reader's language (the API's own text is English).
 */
export function problemsOf(t: I18n['t'], err: unknown): FieldErrors {
  if (!(err instanceof AdminApiError)) return { fields: {}, form: [] };
  const { fields, form } = err.problems;
  const field = ERROR_FIELDS[err.code];
  if (field !== undefined && Object.keys(fields).length === 0 && form.length === 0)
    return { fields: { [field]: [errorText(t, err)] }, form: [] };
  return err.problems;
}
