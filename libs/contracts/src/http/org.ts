import { z } from 'zod';
import { OFFICE_KINDS } from '../vocabulary';
import { booleanParam, isoTime, unitCodeParam } from './common';

/** `<unit code>.<slug>`: `20275.vh-xh`, `48.so-khcn`. */
export const OFFICE_ID_PATTERN = /^\d{2}(\d{3})?\.[a-z0-9][a-z0-9-]{0,62}$/;
const officeId = z
  .string()
  .regex(OFFICE_ID_PATTERN, '<unit code>.<slug>, e.g. 20275.vh-xh')
  .meta({ examples: ['20275.vh-xh'] });
const email = z.email().max(254);

/** A department or office below a unit (Sở KH&CN, Văn phòng UBND, Phòng VH-XH, Công an phường). */
export const officeSchema = z
  .object({
    id: officeId,
    unitCode: z.string(),
    nameVi: z.string(),
    nameEn: z.string().nullable(),
    kind: z.enum(OFFICE_KINDS),
    isCompiler: z
      .boolean()
      .meta({
        description: "Compiles its unit's reports (e.g. the ward's Phòng Văn hóa – Xã hội)",
      }),
    email: z.string().nullable(),
    members: z.array(z.string()).meta({ description: 'Usernames of the people of the office' }),
    createdAt: isoTime,
    retiredAt: isoTime.nullable(),
  })
  .meta({ id: 'Office' });
export type OfficeView = z.output<typeof officeSchema>;

export const officeListQuery = z.object({
  unit: unitCodeParam.optional().meta({ description: 'Offices of this unit and the units below' }),
  retired: booleanParam.optional().meta({ description: 'true: include retired offices' }),
});

export const officeListResponse = z.object({ asOf: isoTime, items: z.array(officeSchema) });

export const officeCreateBody = z
  .object({
    id: officeId.optional().meta({ description: 'Default: <unitCode>.<slug of nameVi>' }),
    unitCode: unitCodeParam,
    nameVi: z.string().trim().min(1).max(300),
    nameEn: z.string().trim().min(1).max(300).nullable().optional(),
    kind: z.enum(OFFICE_KINDS).default('other'),
    isCompiler: z.boolean().default(false),
    email: email.nullable().optional(),
  })
  .strict();
export type OfficeCreateBody = z.output<typeof officeCreateBody>;

export const officePatchBody = z
  .object({
    nameVi: z.string().trim().min(1).max(300),
    nameEn: z.string().trim().min(1).max(300).nullable(),
    kind: z.enum(OFFICE_KINDS),
    isCompiler: z.boolean(),
    email: email.nullable(),
    retired: z.boolean().meta({ description: 'true retires the office, false brings it back' }),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type OfficePatchBody = z.output<typeof officePatchBody>;

/** Puts a user in the office (a user belongs to one office at most), or takes them out. */
export const officeMemberBody = z
  .object({
    username: z.string().trim().min(1).max(190),
    remove: z.boolean().default(false).meta({ description: 'true: take the user out' }),
  })
  .strict();

export const officeIdParams = z.object({ id: officeId });
