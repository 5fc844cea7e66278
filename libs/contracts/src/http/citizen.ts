import { z } from 'zod';
import {
  CITIZEN_EVENT_KINDS,
  CITIZEN_MODERATION,
  CITIZEN_PHOTO_KINDS,
  CITIZEN_STATUSES,
} from '../vocabulary';
import { isoTime, limitParam, unitCodeParam } from './common';
import { OFFICE_ID_PATTERN } from './org';
import { unitMapQuery } from './units';

/** Limits on a report's photos, checked by the server on the bytes (before re-encoding). */
export const CITIZEN_PHOTO_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 3,
  /** What the bytes must sniff as; every photo is re-encoded to JPEG. */
  types: ['image/jpeg', 'image/png', 'image/webp'],
} as const;

/** Tracking codes: `PA` + 10 Crockford base32 characters. Read case-insensitively. */
export const CITIZEN_CODE_PATTERN = /^[Pp][Aa][0-9A-Za-z]{10}$/;

export const citizenStatusSchema = z.enum(CITIZEN_STATUSES);
export const citizenEventKindSchema = z.enum(CITIZEN_EVENT_KINDS);
export const citizenModerationSchema = z.enum(CITIZEN_MODERATION);
export const citizenPhotoKindSchema = z.enum(CITIZEN_PHOTO_KINDS);

const categoryCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'a category code (a-z, 0-9, _)')
  .meta({ examples: ['den_duong'] });
const uuid = z.uuid();
const dateOnly = z.iso.date().meta({ examples: ['2026-02-17'] });
const monthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM')
  .meta({ examples: ['2026-03'] });

// ── Categories ────────────────────────────────────────────────────────────────────────────────

export const citizenCategorySchema = z
  .object({
    code: categoryCode,
    nameVi: z.string(),
    nameEn: z.string(),
    icon: z.string().meta({ description: 'An emoji, shown as is', examples: ['💡'] }),
    deadlineDays: z.number().int().min(1).max(60).meta({ description: 'Working days' }),
    active: z.boolean(),
  })
  .meta({ id: 'CitizenCategory' });
export type CitizenCategoryView = z.output<typeof citizenCategorySchema>;

export const citizenCategoryListResponse = z.object({ items: z.array(citizenCategorySchema) });
export type CitizenCategoryListResponse = z.output<typeof citizenCategoryListResponse>;

/** Create or edit a category (`PUT /api/v1/citizen/categories/{code}`). */
export const citizenCategoryPutBody = z
  .object({
    nameVi: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    icon: z.string().trim().min(1).max(16),
    deadlineDays: z.number().int().min(1).max(60),
    active: z.boolean().default(true),
    sort: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();
export type CitizenCategoryPutBody = z.output<typeof citizenCategoryPutBody>;

export const citizenCategoryParams = z.object({ code: categoryCode });

/** A category as cases name it (the views carry its names so lists need no second request). */
const categoryRef = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  icon: z.string(),
});

// ── Public intake ─────────────────────────────────────────────────────────────────────────────

/**
 * The text fields of a submission (multipart fields arrive as text, hence the coercions). The
 * service trims, strips control characters and checks the description's length (10–2000) and the
 * phone number itself; the schema bounds sizes.
 */
export const citizenSubmitFields = z
  .object({
    category: categoryCode,
    description: z.string().max(4000).meta({ description: '10–2000 characters after trimming' }),
    lat: z.coerce.number().min(-90).max(90),
    lon: z.coerce.number().min(-180).max(180),
    name: z.string().max(200).optional().meta({ description: 'Never shown publicly' }),
    phone: z
      .string()
      .max(30)
      .optional()
      .meta({ description: 'A Vietnamese number; never shown publicly', examples: ['0905123456'] }),
  })
  .strict();
export type CitizenSubmitFields = z.output<typeof citizenSubmitFields>;

const photoFiles = z
  .array(z.string().meta({ format: 'binary' }))
  .max(CITIZEN_PHOTO_LIMITS.maxFiles)
  .optional()
  .meta({ description: 'Files (multipart only): JPEG, PNG or WebP; ≤ 10 MiB each, ≤ 3' });

/** The documented body of a submission: the fields plus up to three `photo` files. */
export const citizenSubmitBody = citizenSubmitFields
  .extend({ photo: photoFiles })
  .meta({ id: 'CitizenSubmit' });

/** An app's submission on a resident's behalf: the same fields, plus the app's own id. */
export const citizenAppSubmitFields = citizenSubmitFields
  .extend({ externalId: z.string().min(1).max(128).optional() })
  .strict();
export type CitizenAppSubmitFields = z.output<typeof citizenAppSubmitFields>;
export const citizenAppSubmitBody = citizenAppSubmitFields
  .extend({ photo: photoFiles })
  .meta({ id: 'CitizenAppSubmit' });

export const citizenSubmitResponse = z
  .object({
    code: z.string().meta({ description: 'Tracking code', examples: ['PA7K3M9QX2RT'] }),
    status: citizenStatusSchema,
    duplicateOf: z.boolean().meta({
      description: 'true: linked to an open case nearby; `code` is that case’s code',
    }),
    unitCode: z.string(),
    unitName: z.string(),
    deadlineAt: isoTime,
  })
  .meta({ id: 'CitizenSubmitted' });
export type CitizenSubmitResponse = z.output<typeof citizenSubmitResponse>;

/** Which ward a point falls in, for the intake page's marker. */
export const citizenLocateQuery = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
});
export const citizenLocateResponse = z.object({
  inside: z.boolean().meta({ description: 'false: outside the province, a report is refused' }),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
});
export type CitizenLocateResponse = z.output<typeof citizenLocateResponse>;

// ── Public follow-up ──────────────────────────────────────────────────────────────────────────

export const citizenCodeParams = z.object({
  code: z
    .string()
    .regex(CITIZEN_CODE_PATTERN, 'a tracking code PA…')
    .meta({
      examples: ['PA7K3M9QX2RT'],
    }),
});
export const citizenPublicPhotoParams = citizenCodeParams.extend({ photoId: uuid });

export const citizenPhotoRefSchema = z.object({
  id: z.string(),
  kind: citizenPhotoKindSchema,
});

/** A step as the tracking page shows it: public steps only, with their public note. */
export const citizenPublicEventSchema = z.object({
  kind: citizenEventKindSchema,
  at: isoTime,
  status: citizenStatusSchema.nullable().meta({ description: 'The status after the step' }),
  note: z.string().nullable(),
});

/**
 * A case as anyone holding its tracking code sees it. Never the reporter's name, phone, client
 * key, source, nor the handler's username; the position is rounded to 3 decimals (~100 m).
 */
export const citizenPublicViewSchema = z
  .object({
    code: z.string(),
    category: categoryRef,
    description: z.string(),
    status: citizenStatusSchema,
    overdue: z.boolean(),
    unitCode: z.string(),
    unitName: z.string(),
    lat: z.number().meta({ description: 'Rounded to 3 decimals' }),
    lon: z.number().meta({ description: 'Rounded to 3 decimals' }),
    receivedAt: isoTime,
    deadlineAt: isoTime,
    resolvedAt: isoTime.nullable(),
    resolutionNote: z.string().nullable(),
    rejectReason: z.string().nullable(),
    events: z.array(citizenPublicEventSchema),
    photos: z.array(citizenPhotoRefSchema),
    rating: z.number().int().min(1).max(5).nullable(),
    canRate: z.boolean(),
    reopenUntil: isoTime.nullable().meta({
      description: 'The resident may reopen the case until then (resolved cases only)',
    }),
  })
  .meta({ id: 'CitizenPublicView' });
export type CitizenPublicView = z.output<typeof citizenPublicViewSchema>;

export const citizenPublicMapQuery = z.object({
  unit: unitCodeParam.optional(),
  since: dateOnly.optional().meta({ description: 'Received on or after this day' }),
  status: z.enum(['resolved', 'open']).default('resolved'),
  category: categoryCode.optional(),
});
export type CitizenPublicMapQuery = z.output<typeof citizenPublicMapQuery>;

export const citizenPublicMapItemSchema = z.object({
  category: z.string(),
  status: citizenStatusSchema,
  unitCode: z.string(),
  lat: z.number(),
  lon: z.number(),
  receivedAt: isoTime,
  resolvedAt: isoTime.nullable(),
});
export type CitizenPublicMapItem = z.output<typeof citizenPublicMapItemSchema>;

export const citizenPublicMapResponse = z.object({
  items: z.array(citizenPublicMapItemSchema),
  asOf: isoTime,
});
export type CitizenPublicMapResponse = z.output<typeof citizenPublicMapResponse>;

export const citizenRateBody = z
  .object({
    rating: z.number().int().min(1).max(5),
    comment: z.string().trim().max(500).optional(),
  })
  .strict();
export type CitizenRateBody = z.output<typeof citizenRateBody>;

export const citizenReopenBody = z.object({ reason: z.string().trim().min(5).max(500) }).strict();
export type CitizenReopenBody = z.output<typeof citizenReopenBody>;

// ── Staff ─────────────────────────────────────────────────────────────────────────────────────

export const citizenIdParams = z.object({ id: uuid });
export const citizenPhotoParams = citizenIdParams.extend({ photoId: uuid });

export const citizenEventSchema = z
  .object({
    id: z.string(),
    at: isoTime,
    kind: citizenEventKindSchema,
    actor: z.string(),
    actorName: z.string().nullable(),
    fromStatus: citizenStatusSchema.nullable(),
    toStatus: citizenStatusSchema.nullable(),
    unitCode: z.string(),
    note: z.string().nullable(),
    public: z.boolean(),
  })
  .meta({ id: 'CitizenEvent' });
export type CitizenEventView = z.output<typeof citizenEventSchema>;

/** A case as the handlers see it (staff only). */
export const citizenCaseViewSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    category: categoryRef,
    description: z.string(),
    status: citizenStatusSchema,
    overdue: z.boolean(),
    moderation: citizenModerationSchema,
    unitCode: z.string(),
    unitName: z.string(),
    lat: z.number(),
    lon: z.number(),
    reporterName: z.string().nullable(),
    reporterPhone: z.string().nullable(),
    source: z.string().meta({ examples: ['web', 'app:hue-s'] }),
    officeId: z.string().nullable(),
    officeName: z.string().nullable(),
    assignee: z.string().nullable(),
    supporters: z.number().int().meta({ description: 'Duplicates linked to the case' }),
    receivedAt: isoTime,
    deadlineAt: isoTime,
    resolvedAt: isoTime.nullable(),
    resolutionNote: z.string().nullable(),
    rejectReason: z.string().nullable(),
    rating: z.number().int().nullable(),
    ratingComment: z.string().nullable(),
    ratedAt: isoTime.nullable(),
    reopenCount: z.number().int(),
    updatedAt: isoTime,
    photos: z.array(citizenPhotoRefSchema),
    events: z.array(citizenEventSchema).meta({ description: 'Oldest first; empty in lists' }),
  })
  .meta({ id: 'CitizenCase' });
export type CitizenCaseView = z.output<typeof citizenCaseViewSchema>;

export const CITIZEN_LIST_STATUSES = [...CITIZEN_STATUSES, 'open', 'overdue'] as const;

export const citizenListQuery = z.object({
  unit: unitCodeParam.optional().meta({
    description: 'Cases of this unit or a unit below it; scoped callers must name one',
  }),
  status: z.enum(CITIZEN_LIST_STATUSES).optional(),
  category: categoryCode.optional(),
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Code or words' }),
  spam: z.enum(['true', 'false']).optional().meta({ description: 'true: spam only' }),
  limit: limitParam(50, 200),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CitizenListQuery = z.output<typeof citizenListQuery>;

export const citizenListResponse = z.object({
  items: z.array(citizenCaseViewSchema),
  total: z.number().int(),
  counts: z.object({
    byStatus: z.record(citizenStatusSchema, z.number().int()),
    overdue: z.number().int(),
  }),
  asOf: isoTime,
});
export type CitizenListResponse = z.output<typeof citizenListResponse>;

export const citizenAssignBody = z
  .object({
    officeId: z.string().regex(OFFICE_ID_PATTERN, '<unit code>.<slug>'),
    assignee: z.string().min(1).max(64).optional(),
  })
  .strict();
export type CitizenAssignBody = z.output<typeof citizenAssignBody>;

/** The text field of a resolution; the after-photos (1–3 `photo` files) come as multipart. */
export const citizenResolveFields = z.object({ note: z.string().trim().min(1).max(2000) }).strict();
export type CitizenResolveFields = z.output<typeof citizenResolveFields>;
export const citizenResolveBody = citizenResolveFields
  .extend({ photo: photoFiles })
  .meta({ id: 'CitizenResolve' });

export const citizenRejectBody = z.object({ reason: z.string().trim().min(2).max(1000) }).strict();
export const citizenTransferBody = z
  .object({ unitCode: unitCodeParam, reason: z.string().trim().min(2).max(1000) })
  .strict();
export type CitizenTransferBody = z.output<typeof citizenTransferBody>;
export const citizenCommentBody = z.object({ note: z.string().trim().min(1).max(2000) }).strict();
export const citizenSpamBody = z
  .object({ spam: z.boolean(), reason: z.string().trim().max(500).optional() })
  .strict();
export type CitizenSpamBody = z.output<typeof citizenSpamBody>;

// ── Stats ─────────────────────────────────────────────────────────────────────────────────────

export const citizenStatsQuery = z.object({
  unit: unitCodeParam,
  month: monthParam.optional().meta({ description: 'Default: this month (Asia/Ho_Chi_Minh)' }),
});
export type CitizenStatsQuery = z.output<typeof citizenStatsQuery>;

const rate = z.number().min(0).max(1).nullable();
const statsCounts = {
  received: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int().meta({ description: 'Open and past the deadline' }),
  resolved: z.number().int(),
  resolvedOnTime: z.number().int(),
  onTimeRate: rate.meta({ description: 'resolvedOnTime / resolved; null when none resolved' }),
  ratings: z.number().int(),
  satisfied: z.number().int().meta({ description: 'Ratings of 4 or 5' }),
  satisfactionRate: rate,
  avgRating: z.number().nullable(),
};
export const citizenStatsTotalSchema = z.object(statsCounts);
export const citizenStatsRowSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  ...statsCounts,
});
export type CitizenStatsRow = z.output<typeof citizenStatsRowSchema>;

/** One month of a unit; a province's total sums its wards (numerators and denominators). */
export const citizenStatsResponse = z.object({
  month: monthParam,
  unitCode: z.string(),
  total: citizenStatsTotalSchema,
  units: z.array(citizenStatsRowSchema),
  asOf: isoTime,
});
export type CitizenStatsResponse = z.output<typeof citizenStatsResponse>;

// ── Working-day calendar ──────────────────────────────────────────────────────────────────────

export const workHolidaySchema = z
  .object({ day: dateOnly, nameVi: z.string(), nameEn: z.string() })
  .meta({ id: 'WorkHoliday' });
export type WorkHolidayView = z.output<typeof workHolidaySchema>;

export const workHolidayListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});
export const workHolidayListResponse = z.object({
  year: z.number().int(),
  items: z.array(workHolidaySchema),
});
export type WorkHolidayListResponse = z.output<typeof workHolidayListResponse>;
export const workHolidayDayParams = z.object({ day: dateOnly });
export const workHolidayPutBody = z
  .object({
    nameVi: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
  })
  .strict();
export type WorkHolidayPutBody = z.output<typeof workHolidayPutBody>;

// ── Apps ──────────────────────────────────────────────────────────────────────────────────────

export const citizenAppSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: isoTime,
    revokedAt: isoTime.nullable(),
  })
  .meta({ id: 'CitizenApp' });
export type CitizenAppView = z.output<typeof citizenAppSchema>;

export const citizenAppListResponse = z.object({ items: z.array(citizenAppSchema) });
export type CitizenAppListResponse = z.output<typeof citizenAppListResponse>;

export const citizenAppCreateBody = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a slug (a-z, 0-9, -)'),
    name: z.string().trim().min(1).max(200),
  })
  .strict();
export type CitizenAppCreateBody = z.output<typeof citizenAppCreateBody>;

/** Answered once, at creation: only the key's hash is stored. */
export const citizenAppCreatedSchema = z.object({
  id: z.string(),
  name: z.string(),
  key: z.string().meta({ examples: ['ioca_3q8J…'] }),
});
export type CitizenAppCreated = z.output<typeof citizenAppCreatedSchema>;

export const citizenAppParams = z.object({ id: z.string().min(1).max(64) });

/** A photo's bytes (always JPEG: every photo is re-encoded). */
export const citizenPhotoBody = z.string().meta({ format: 'binary' });

/** The province's wards for the residents' intake map: GeoJSON only (`unitMapGeoJson`). */
export const citizenWardsQuery = unitMapQuery.pick({ band: true, zoom: true });
