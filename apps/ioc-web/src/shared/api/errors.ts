import type { MessageKey } from '../i18n/translate';

/** Problems of one form, by field name; `form` holds those that name no field. */
export interface FieldErrors {
  fields: Record<string, string[]>;
  form: string[];
}

const PATH_PREFIX = /^([A-Za-z_][\w]*(?:\.[\w]+)*): (.+)$/s;

function add(out: FieldErrors, path: string, message: string): void {
  const field = path.split('.')[0] ?? '';
  if (field === '' || field === '(body)') {
    out.form.push(message);
    return;
  }
  (out.fields[field] ??= []).push(message);
}

/**
 * The API lists validation problems in `error.details` in two shapes: `{problems: ["path:
 * message"]}` (auth, indicators) and `{issues: [{path, message}]}` (alerts). Both become
 * messages per top-level field so a form can show each beside its input.
 */
export function fieldErrorsOf(details: unknown): FieldErrors {
  const out: FieldErrors = { fields: {}, form: [] };
  if (typeof details !== 'object' || details === null) return out;
  if ('problems' in details && Array.isArray(details.problems)) {
    for (const p of details.problems) {
      if (typeof p !== 'string') continue;
      const text = p.replace(/^\(body\): /, '');
      const m = PATH_PREFIX.exec(text);
      if (m?.[1] !== undefined && m[2] !== undefined) add(out, m[1], m[2]);
      else out.form.push(text);
    }
  }
  if ('issues' in details && Array.isArray(details.issues)) {
    for (const i of details.issues as unknown[]) {
      if (typeof i !== 'object' || i === null) continue;
      const path = 'path' in i ? String(i.path) : '';
      const message = 'message' in i ? String(i.message) : '';
      if (message !== '') add(out, path, message);
    }
  }
  return out;
}

/** Error codes the UI explains in the reader's language; anything else shows the API's text. */
export const ERROR_MESSAGES: Readonly<Record<string, MessageKey>> = {
  AUTH_BAD_CREDENTIALS: 'login.error.badCredentials',
  AUTH_LOCKED: 'login.error.locked',
  SETUP_DONE: 'login.error.setupDone',
  SETUP_TOKEN_INVALID: 'login.error.setupToken',
  USER_EXISTS: 'admin.error.userExists',
  LAST_ADMIN: 'admin.error.lastAdmin',
  FEED_EXISTS: 'admin.error.feedExists',
  RULE_EXISTS: 'admin.error.ruleExists',
  DEVICE_EXISTS: 'admin.error.deviceExists',
  CAMERA_EXISTS: 'admin.error.cameraExists',
  CONNECTOR_EXISTS: 'admin.error.connectorExists',
  CAMERA_OUTSIDE_UNITS: 'admin.error.cameraOutside',
  CAMERA_NO_STREAM: 'admin.error.cameraNoStream',
  MEDIA_SERVER_NOT_CONFIGURED: 'admin.error.mediaNotConfigured',
  FORBIDDEN_ROLE: 'admin.error.forbidden',
  FORBIDDEN_SCOPE: 'admin.error.forbidden',
  AUTH_REQUIRED: 'admin.error.signedOut',
  USERNAME_INVALID: 'admin.users.error.username',
  PASSWORD_TOO_SHORT: 'admin.error.passwordShort',
  PASSWORD_TOO_LONG: 'admin.error.passwordLong',
  PASSWORD_CONTAINS_USERNAME: 'admin.error.passwordUsername',
  PASSWORD_WEAK: 'admin.error.passwordWeak',
  SCOPE_INVALID: 'admin.error.scopeInvalid',
  SCOPE_UNKNOWN_UNIT: 'admin.error.scopeUnknownUnit',
  REPORT_LOCKED: 'reports.error.locked',
};

/** Codes whose problem belongs to one field of the form that was sent. */
export const ERROR_FIELDS: Readonly<Record<string, string>> = {
  USERNAME_INVALID: 'username',
  USER_EXISTS: 'username',
  PASSWORD_TOO_SHORT: 'password',
  PASSWORD_TOO_LONG: 'password',
  PASSWORD_CONTAINS_USERNAME: 'password',
  PASSWORD_WEAK: 'password',
  SCOPE_INVALID: 'units',
  SCOPE_UNKNOWN_UNIT: 'units',
  FEED_EXISTS: 'code',
  RULE_EXISTS: 'id',
  DEVICE_EXISTS: 'id',
  CAMERA_EXISTS: 'id',
  CONNECTOR_EXISTS: 'id',
  CAMERA_NO_STREAM: 'hlsPath',
};
