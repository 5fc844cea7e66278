import {
  connectorCreateBody,
  connectorPatchBody,
  type ConnectorAuthView,
  type ConnectorCreate,
  type ConnectorPatch,
  type ConnectorView,
} from '@ioc/contracts';
import type { z } from 'zod';
import type { MessageKey } from '../../../shared/i18n/translate';

export const SOURCE_KINDS = ['rest-json', 'csv', 'soap-xml'] as const;
export const PAGING_KINDS = ['none', 'page', 'offset', 'cursor', 'next-link'] as const;
export const AUTH_KINDS = [
  'none',
  'api-key',
  'lgsp',
  'oauth2-client-credentials',
  'basic',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type PagingKind = (typeof PAGING_KINDS)[number];
export type AuthKind = ConnectorAuthView['kind'];

/**
 * What to do with the stored auth profile: leave it (or, declaring, use none), replace it with
 * the one typed, or remove it. Secrets are write-only: the API answers only `auth.secretSet`, and
 * replacing a profile sends all its secrets again (the server stores it as a whole).
 */
export type SecretAction = 'keep' | 'set' | 'remove';

/** The connector form as typed (strings), before checking. */
export interface ConnectorInput {
  id: string;
  name: string;
  department: string;
  sourceKind: SourceKind;
  url: string;
  method: 'GET' | 'POST';
  body: string;
  recordsPath: string;
  pagingKind: PagingKind;
  pageSize: string;
  pageStart: string;
  cursorPath: string;
  nextPath: string;
  watermarkField: string;
  schedule: string;
  rateLimitPerMinute: string;
  maxRetries: string;
  target: 'dossier' | 'indicator_value';
  expression: string;
  authKind: AuthKind;
  authAction: SecretAction;
  appName: string;
  accessKey: string;
  secretKey: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  username: string;
  password: string;
  headerName: string;
  headerValue: string;
}

/** Secret inputs: never prefilled, forgotten when "set" is left. */
export const SECRET_FIELDS = [
  'accessKey',
  'secretKey',
  'clientSecret',
  'password',
  'headerValue',
] as const satisfies readonly (keyof ConnectorInput)[];

export function connectorInput(c?: ConnectorView): ConnectorInput {
  const p = c?.source.paging;
  const size = p && 'size' in p ? String(p.size) : '100';
  return {
    id: c?.id ?? '',
    name: c?.name ?? '',
    department: c?.department ?? '',
    sourceKind: c?.source.kind ?? 'rest-json',
    url: c?.source.url ?? '',
    method: c?.source.method ?? 'GET',
    body: c?.source.body ?? '',
    recordsPath: c?.source.recordsPath ?? '',
    pagingKind: p?.kind ?? 'none',
    pageSize: size,
    pageStart: p?.kind === 'page' ? String(p.start) : '1',
    cursorPath: p?.kind === 'cursor' ? p.cursorPath : '',
    nextPath: p?.kind === 'next-link' ? p.nextPath : '',
    watermarkField: c?.source.watermarkField ?? '',
    schedule: c?.schedule ?? '',
    rateLimitPerMinute: String(c?.rateLimitPerMinute ?? 60),
    maxRetries: String(c?.maxRetries ?? 3),
    target: c?.mapping.target ?? 'dossier',
    expression: c?.mapping.expression ?? '',
    authKind: c?.auth.kind ?? 'none',
    authAction: 'keep',
    // The public parts of a stored profile, shown again for a replacement.
    appName: c?.auth.appName ?? '',
    tokenUrl: c?.auth.tokenUrl ?? '',
    clientId: c?.auth.clientId ?? '',
    scope: c?.auth.scope ?? '',
    username: c?.auth.username ?? '',
    headerName: c?.auth.headerNames?.[0] ?? '',
    accessKey: '',
    secretKey: '',
    clientSecret: '',
    password: '',
    headerValue: '',
  };
}

const text = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());
/** A typed whole number: blank → undefined (missing), junk → NaN (refused by the schema). */
const int = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));

function paging(v: ConnectorInput): unknown {
  switch (v.pagingKind) {
    case 'none':
      return { kind: 'none' };
    case 'page':
      return { kind: 'page', size: int(v.pageSize), start: int(v.pageStart) ?? 1 };
    case 'offset':
      return { kind: 'offset', size: int(v.pageSize) };
    case 'cursor':
      return { kind: 'cursor', size: int(v.pageSize), cursorPath: text(v.cursorPath) };
    case 'next-link':
      return { kind: 'next-link', nextPath: text(v.nextPath) };
  }
}

function auth(v: ConnectorInput): unknown {
  switch (v.authKind) {
    case 'none':
      return { kind: 'none' };
    case 'api-key':
      return { kind: 'api-key', headers: { [v.headerName.trim()]: v.headerValue } };
    case 'lgsp':
      return {
        kind: 'lgsp',
        appName: v.appName.trim(),
        accessKey: v.accessKey,
        secretKey: v.secretKey,
      };
    case 'oauth2-client-credentials':
      return {
        kind: 'oauth2-client-credentials',
        tokenUrl: v.tokenUrl.trim(),
        clientId: v.clientId.trim(),
        clientSecret: v.clientSecret,
        ...(text(v.scope) === undefined ? {} : { scope: text(v.scope) }),
      };
    case 'basic':
      return { kind: 'basic', username: v.username.trim(), password: v.password };
  }
}

/** Which message a problem at a path gets; anything else shows the schema's own words. */
function messageKeyOf(path: string): MessageKey | null {
  if (path === 'id') return 'admin.connectors.error.id';
  if (path === 'name' || path === 'department' || path === 'mapping.expression')
    return 'admin.connectors.error.required';
  if (path === 'source.url') return 'admin.connectors.error.url';
  if (path === 'schedule') return 'admin.connectors.error.schedule';
  if (/^(rateLimitPerMinute|maxRetries|source\.paging\.(size|start))$/.test(path))
    return 'admin.connectors.error.number';
  if (path.startsWith('auth')) return 'admin.connectors.error.secret';
  return null;
}

/** The form's key for a problem at a schema path (paging's size and start have their own). */
function fieldOf(path: string): string {
  if (path.startsWith('auth')) return 'auth';
  if (path.startsWith('source.paging.')) return path;
  return path.split('.').slice(0, 2).join('.');
}

export type ConnectorFormResult =
  | { ok: true; body: ConnectorCreate | ConnectorPatch }
  | { ok: false; errors: Record<string, string[]> };

/**
 * Builds the request body from the form and checks it with the API's own schema
 * (`connectorCreateBody` / `connectorPatchBody`): problems show beside their field before
 * anything is sent, keyed by path (`source.url`, `mapping.expression`, `auth`…), and the web
 * and the API cannot disagree on what is valid. `t` words a problem in the reader's language.
 */
export function parseConnectorForm(
  v: ConnectorInput,
  existing: ConnectorView | undefined,
  t: (key: MessageKey) => string,
): ConnectorFormResult {
  const source = {
    kind: v.sourceKind,
    url: v.url.trim(),
    method: v.sourceKind === 'soap-xml' ? 'POST' : v.method,
    ...(text(v.body) === undefined || v.sourceKind !== 'soap-xml' ? {} : { body: v.body }),
    // Headers are not on the form; an edit keeps the stored ones.
    headers: existing?.source.headers ?? {},
    ...(text(v.recordsPath) === undefined ? {} : { recordsPath: text(v.recordsPath) }),
    paging: paging(v),
    ...(text(v.watermarkField) === undefined ? {} : { watermarkField: text(v.watermarkField) }),
  };
  const common = {
    name: v.name.trim(),
    department: v.department.trim(),
    source,
    mapping: {
      target: v.target,
      expression: v.expression,
      unitCodes: existing?.mapping.unitCodes ?? {},
    },
    schedule: text(v.schedule) ?? null,
    rateLimitPerMinute: int(v.rateLimitPerMinute),
    maxRetries: int(v.maxRetries),
  };
  // Declaring (or editing a connector that had none): the profile typed. Editing a stored
  // profile: only a replacement or a removal is sent.
  const typed =
    existing === undefined ||
    v.authAction === 'set' ||
    (existing.auth.kind === 'none' && v.authKind !== 'none');
  const authBody = typed ? auth(v) : v.authAction === 'remove' ? { kind: 'none' } : undefined;
  const raw = {
    ...(existing ? {} : { id: v.id.trim() }),
    ...common,
    ...(authBody === undefined ? {} : { auth: authBody }),
  };
  const parsed = existing ? connectorPatchBody.safeParse(raw) : connectorCreateBody.safeParse(raw);
  if (parsed.success) return { ok: true, body: parsed.data };
  return { ok: false, errors: problemsByField(parsed.error.issues, t) };
}

function problemsByField(
  issues: readonly z.core.$ZodIssue[],
  t: (key: MessageKey) => string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) {
    const path = i.path.map(String).join('.');
    const key = messageKeyOf(path);
    const list = (out[fieldOf(path) || 'form'] ??= []);
    const message = key === null ? `${path}: ${i.message}` : t(key);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}

/** "5 phút" / "5 min" from seconds, in the largest unit that keeps it a whole number ≥ 1. */
export function durationParts(seconds: number): {
  unit: 'seconds' | 'minutes' | 'hours' | 'days';
  n: number;
} {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return { unit: 'seconds', n: s };
  if (s < 3_600) return { unit: 'minutes', n: Math.floor(s / 60) };
  if (s < 172_800) return { unit: 'hours', n: Math.floor(s / 3_600) };
  return { unit: 'days', n: Math.floor(s / 86_400) };
}
