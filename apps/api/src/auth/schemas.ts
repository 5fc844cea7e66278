import { z } from 'zod';
import { DomainError } from '@ioc/contracts';
import { PASSWORD_MAX_LENGTH, ROLES } from '@ioc/auth';

// Strict objects: an unknown key is a client bug (or a probe for mass assignment), not noise.
const unitCode = z.string().regex(/^\d{2}(\d{3})?$/, 'a 2-digit province or 5-digit commune code');
const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);
const username = z.string().min(1).max(64);
const displayName = z.string().trim().min(1).max(200);

export const loginSchema = z.strictObject({ username, password });

export const setupSchema = z.strictObject({
  setupToken: z.string().min(1).max(128),
  username,
  password,
  displayName: displayName.optional(),
});

export const createUserSchema = z.strictObject({
  username,
  displayName: displayName.optional(),
  password,
  role: z.enum(ROLES),
  units: z.array(unitCode).max(50).optional(),
});

export const updateUserSchema = z
  .strictObject({
    displayName: displayName.optional(),
    role: z.enum(ROLES).optional(),
    units: z.array(unitCode).max(50).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

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
  before: z.coerce.number().int().positive().optional(),
});

/** Parses a request part with a schema; every problem is listed in one 400. */
export function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code = 'INVALID_REQUEST',
): z.infer<S> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  throw new DomainError('invalid', code, problems.join('; '), { problems });
}
