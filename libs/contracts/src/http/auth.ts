import { z } from 'zod';
import { ROLES } from '../vocabulary';
import { isoTime } from './common';

/** Passwords longer than this are refused before hashing (argon2 cost is per byte). */
export const PASSWORD_MAX_LENGTH = 256;

export const roleSchema = z.enum(ROLES);

// Strict objects: an unknown key is a client bug (or a probe for mass assignment), not noise.
const unitCode = z.string().regex(/^\d{2}(\d{3})?$/, 'a 2-digit province or 5-digit commune code');
const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);
// Control characters (U+0000 above all: PostgreSQL text cannot hold it) are never part of a name.
const noControlChars = (s: string) => !/\p{Cc}/u.test(s);
const username = z
  .string()
  .min(1)
  .max(64)
  .refine(noControlChars, 'must not contain control characters');
const displayName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(noControlChars, 'must not contain control characters');

// An address to mail alerts handed to the user; null (on update) removes it.
const email = z.email().max(254);
// A mobile number for the SMS/Zalo gateway, E.164 (+84 912 345 678 → +84912345678).
const phone = z
  .string()
  .transform((v) => v.replace(/[\s.-]/g, ''))
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +84912345678'));

export const loginSchema = z.strictObject({ username, password });

export const setupSchema = z.strictObject({
  setupToken: z
    .string()
    .min(1)
    .max(128)
    .meta({ description: 'The one-time setup token printed at first start' }),
  username,
  password,
  displayName: displayName.optional(),
});

export const createUserSchema = z.strictObject({
  username,
  displayName: displayName.optional(),
  password,
  role: roleSchema,
  units: z.array(unitCode).max(50).optional(),
  email: email.optional(),
  phone: phone.optional(),
});

export const updateUserSchema = z
  .strictObject({
    displayName: displayName.optional(),
    role: roleSchema.optional(),
    units: z.array(unitCode).max(50).optional(),
    disabled: z.boolean().optional(),
    email: email.nullable().optional(),
    phone: phone.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
/** Body of `PATCH /api/v1/users/{id}`: only the fields to change; null clears e-mail or phone. */
export type UserPatch = z.input<typeof updateUserSchema>;

export const passwordSchema = z.strictObject({ password });

export const createDisplayTokenSchema = z.strictObject({ name: displayName, unitCode });

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

export const auditQuerySchema = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  actor: z.string().max(200).optional(),
  action: z
    .string()
    .regex(/^[a-z_.]+\*?$/, 'an action such as auth.login or a prefix such as auth.*')
    .max(64)
    .optional(),
  unit: z.string().max(16).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: 'The last id of the previous page' }),
});

// ── Responses ─────────────────────────────────────────────────────────────────────────────────

/** What the API shows of a user; never the password hash. */
export const userViewSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    units: z.array(z.string()).default([]),
    disabled: z.boolean().default(false),
    email: z.string().nullable().default(null),
    phone: z.string().nullable().default(null),
    createdAt: isoTime,
    updatedAt: isoTime,
    passwordChangedAt: isoTime,
  })
  .meta({ id: 'User' });

export const openedSessionSchema = z
  .object({
    token: z.string().meta({ description: 'Session bearer token (iocs_…)' }),
    expiresAt: isoTime,
    user: userViewSchema,
  })
  .meta({ id: 'OpenedSession' });

export const setupStatusSchema = z.object({ setupRequired: z.boolean() });

/** `GET /api/v1/auth/me`: who the credential belongs to. */
export const meSchema = z.object({
  kind: z.enum(['user', 'display', 'machine']),
  id: z.string(),
  username: z.string().optional(),
  displayName: z.string(),
  role: z.string().meta({ description: "The user's role, or the principal kind (display)" }),
  units: z.array(z.string()),
});

export const userListResponse = z.object({ asOf: isoTime, items: z.array(userViewSchema) });

export const displayTokenViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    unitCode: z.string(),
    createdBy: z.string(),
    createdAt: isoTime,
    rotatedAt: isoTime,
    revokedAt: isoTime.nullable().default(null),
    lastUsedAt: isoTime.nullable().default(null),
  })
  .meta({ id: 'DisplayToken' });

export const displayTokenListResponse = z.object({
  asOf: isoTime,
  items: z.array(displayTokenViewSchema),
});

export const issuedDisplayTokenSchema = z.object({
  token: z.string().meta({ description: 'Shown once: only its hash is stored' }),
  wallPath: z.string().meta({
    description: 'Path of the wall for this token',
    examples: ['/wall?unit=48&token=iocd_…'],
  }),
  displayToken: displayTokenViewSchema,
});

export const auditRecordSchema = z.object({
  id: z.number().int(),
  at: isoTime,
  actor: z.string(),
  actorKind: z.string(),
  action: z.string(),
  targetKind: z.string(),
  targetId: z.string().nullable(),
  unitCode: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

export const auditListResponse = z.object({
  asOf: isoTime,
  items: z.array(auditRecordSchema),
  next: z.number().int().nullable().meta({ description: '`before` of the next page' }),
});
