import {
  cameraCreateBody,
  cameraPatchBody,
  type CameraCreate,
  type CameraKind,
  type CameraPatch,
  type CameraView,
} from '@ioc/contracts';
import type { MessageKey } from '../../../shared/i18n/translate';
import { parseDecimal } from './devices';

/**
 * What to do with the camera's stored credential: leave it (or, registering, store none), store
 * the one typed (replacing any), or remove it. The form never shows the stored one: the API
 * answers only `hasCredentials`.
 */
export type CredentialAction = 'keep' | 'set' | 'remove';

/** The camera form as typed (strings), before checking. */
export interface CameraInput {
  id: string;
  name: string;
  kind: CameraKind;
  lon: string;
  lat: string;
  /** Blank: the unit that holds the point (the API decides). */
  unitCode: string;
  whepPath: string;
  hlsPath: string;
  snapshotUrl: string;
  tags: string;
  credentials: CredentialAction;
  username: string;
  password: string;
  sourceUrl: string;
}

export type CameraField = keyof CameraInput | 'credentials';

export function cameraInput(existing?: CameraView): CameraInput {
  return {
    id: existing?.id ?? '',
    name: existing?.name ?? '',
    kind: existing?.kind ?? 'traffic',
    lon: existing?.lon.toString() ?? '',
    lat: existing?.lat.toString() ?? '',
    unitCode: '',
    whepPath: existing?.whepPath ?? '',
    hlsPath: existing?.hlsPath ?? '',
    snapshotUrl: existing?.snapshotUrl ?? '',
    tags: existing?.tags.join(', ') ?? '',
    credentials: 'keep',
    // Never prefilled: the server does not send them, and a blank field must not read as "none".
    username: '',
    password: '',
    sourceUrl: '',
  };
}

/** The reader's-language message for a problem the contract schema found in one field. */
const FIELD_MESSAGES: Record<string, MessageKey> = {
  id: 'admin.cameras.error.id',
  name: 'admin.cameras.error.name',
  kind: 'admin.cameras.error.kind',
  lon: 'admin.cameras.error.lon',
  lat: 'admin.cameras.error.lat',
  unitCode: 'admin.cameras.error.unit',
  whepPath: 'admin.cameras.error.path',
  hlsPath: 'admin.cameras.error.path',
  snapshotUrl: 'admin.cameras.error.snapshotUrl',
  tags: 'admin.cameras.error.tags',
  credentials: 'admin.cameras.error.credentials',
};

export type CameraFormResult =
  | { ok: true; body: CameraCreate | CameraPatch }
  | {
      ok: false;
      errors: Partial<Record<CameraField, MessageKey>>;
      /** The schema's own text of a problem that names no field of the form. */
      form: string[];
    };

function optionalText(s: string): string | undefined {
  const v = s.trim();
  return v === '' ? undefined : v;
}

/** A typed coordinate: blank → undefined (missing), junk → NaN (refused by the schema). */
function coordinate(s: string): number | undefined {
  const n = parseDecimal(s);
  return n === null ? undefined : n;
}

function credentialBody(v: CameraInput): CameraCreate['credentials'] {
  const c = {
    username: v.username === '' ? undefined : v.username,
    password: v.password === '' ? undefined : v.password,
    sourceUrl: optionalText(v.sourceUrl),
  };
  // An empty object is refused by the schema ("give username/password or sourceUrl").
  return Object.fromEntries(Object.entries(c).filter(([, x]) => x !== undefined));
}

/**
 * Builds the request body from the form and checks it with the API's own schema
 * (`cameraCreateBody` / `cameraPatchBody`), so most mistakes show beside their field before
 * anything is sent, and the two can never disagree on what is valid.
 */
export function parseCameraForm(v: CameraInput, editing: boolean): CameraFormResult {
  const streams = {
    whepPath: optionalText(v.whepPath) ?? null,
    hlsPath: optionalText(v.hlsPath) ?? null,
    snapshotUrl: optionalText(v.snapshotUrl) ?? null,
  };
  const common = {
    name: v.name.trim(),
    kind: v.kind,
    lon: coordinate(v.lon),
    lat: coordinate(v.lat),
    ...(optionalText(v.unitCode) === undefined ? {} : { unitCode: v.unitCode.trim() }),
    tags: splitTags(v.tags),
  };
  const credentials =
    v.credentials === 'set' ? credentialBody(v) : v.credentials === 'remove' ? null : undefined;
  const raw = editing
    ? { ...common, ...streams, ...(credentials === undefined ? {} : { credentials }) }
    : {
        id: v.id.trim(),
        ...common,
        // A new camera sends only the streams it has (null is for removing one on an edit).
        ...Object.fromEntries(Object.entries(streams).filter(([, x]) => x !== null)),
        ...(credentials ? { credentials } : {}),
      };
  const parsed = editing ? cameraPatchBody.safeParse(raw) : cameraCreateBody.safeParse(raw);
  const errors: Partial<Record<CameraField, MessageKey>> = {};
  if (!editing && common.lon === undefined && common.lat === undefined)
    errors.lon = 'admin.cameras.error.placement';
  // Checked here too: the schema's own rule runs only once every field is valid, and an edit
  // must keep a stream as well (the API refuses the patch otherwise).
  if (!streams.whepPath && !streams.hlsPath && !streams.snapshotUrl)
    errors.hlsPath = 'admin.cameras.error.stream';
  const form: string[] = [];
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    // The "at least one stream" rule is filed under hlsPath by the schema.
    if (field === 'hlsPath' && issue.code === 'custom')
      errors.hlsPath ??= 'admin.cameras.error.stream';
    const key = FIELD_MESSAGES[field];
    if (key !== undefined) errors[field as CameraField] ??= key;
    else form.push(issue.message);
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors, form };
  return { ok: true, body: parsed.data };
}

/** "cảng, cổng 1; ANPR" → ['cảng', 'cổng 1', 'ANPR']: tags may hold spaces, so no space split. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export const CAMERA_KIND_KEYS: Record<CameraKind, MessageKey> = {
  traffic: 'admin.cameras.kind.traffic',
  security: 'admin.cameras.kind.security',
  port: 'admin.cameras.kind.port',
  flood: 'admin.cameras.kind.flood',
};
