import { SCENE_KINDS, SCENE_OVERLAYS, type WallConfig } from '@ioc/contracts';
import { z } from 'zod';

// Answers of the admin API, checked at the edge like the wall's (api/schemas.ts). Lenient on
// extra fields so a newer API does not break an older admin page.

const iso = z.string();

export const ROLES = [
  'admin',
  'province_leader',
  'province_operator',
  'ward_leader',
  'ward_operator',
] as const;
export type Role = (typeof ROLES)[number];

export const openedSession = z.object({
  token: z.string(),
  expiresAt: iso,
  user: z.object({
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    units: z.array(z.string()).default([]),
  }),
});
export type OpenedSession = z.infer<typeof openedSession>;

export const setupStatus = z.object({ setupRequired: z.boolean() });

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  units: z.array(z.string()).default([]),
  disabled: z.boolean().default(false),
  createdAt: iso.optional(),
});
export type UserView = z.infer<typeof userView>;

export const displayTokenView = z.object({
  id: z.string(),
  name: z.string(),
  unitCode: z.string(),
  createdAt: iso,
  rotatedAt: iso.nullable().default(null),
  revokedAt: iso.nullable().default(null),
  lastUsedAt: iso.nullable().default(null),
});
export type DisplayTokenView = z.infer<typeof displayTokenView>;

export const issuedDisplayToken = z.object({
  token: z.string(),
  wallPath: z.string(),
  displayToken: displayTokenView,
});

export const CADENCES = ['monthly', 'quarterly', 'yearly'] as const;

export const feedView = z.object({
  code: z.string(),
  name: z.string(),
  cadence: z.enum(CADENCES),
  dueDay: z.number(),
  allowedIndicators: z.array(z.string()).nullable().default(null),
  allowedUnits: z.array(z.string()).nullable().default(null),
  keyRotatedAt: iso.nullable().default(null),
  revokedAt: iso.nullable().default(null),
});
export type FeedView = z.infer<typeof feedView>;

export const feedKey = z.object({ key: z.string() });

export const feedLiveness = z.object({
  feeds: z.array(
    z.object({
      feed: z.string(),
      completeness: z.number(),
      overdueUnits: z.number(),
      lateReports: z.number().default(0),
      units: z
        .array(z.object({ unitCode: z.string(), lastReportAt: iso.nullable().default(null) }))
        .default([]),
    }),
  ),
});
export type FeedLiveness = z.infer<typeof feedLiveness>['feeds'][number];

export const SEVERITIES = ['info', 'warning', 'critical', 'emergency'] as const;
export const RULE_KINDS = ['threshold', 'levels', 'rate', 'no_data', 'aqi'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const ruleView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(RULE_KINDS),
  scope: z
    .object({
      unitCodes: z.array(z.string()).optional(),
      deviceKinds: z.array(z.string()).optional(),
      deviceIds: z.array(z.string()).optional(),
    })
    .default({}),
  severity: z.enum(SEVERITIES),
  autoResolve: z.boolean(),
  escalateAfterMin: z.number().nullable().default(null),
  webhookUrl: z.string().nullable().default(null),
  enabled: z.boolean(),
  params: z.record(z.string(), z.unknown()).default({}),
  updatedAt: iso.optional(),
});
export type RuleView = z.infer<typeof ruleView>;

export const adminDevice = z.object({
  id: z.string(),
  kind: z.string().default('unknown'),
  name: z.string().nullable().default(null),
  unitCode: z.string().nullable().default(null),
  lon: z.number().nullable().default(null),
  lat: z.number().nullable().default(null),
  gatewayId: z.string().nullable().default(null),
  devEui: z.string().nullable().default(null),
  intervalS: z.number().nullable().default(null),
  lastSeen: iso.nullable().default(null),
  mobile: z.boolean().default(false),
  mqttTopic: z.string().optional(),
});
export type AdminDevice = z.infer<typeof adminDevice>;

/** `POST /devices` and `/devices/:id/rotate`: the device and its token, shown once. */
export const issuedDeviceToken = z.object({
  token: z.string(),
  device: adminDevice,
  placement: z.enum(['given', 'located', 'none']).optional(),
});

const sceneMeasure = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('metric'), metric: z.string() }),
  z.object({ kind: z.literal('indicator'), code: z.string() }),
  z.object({ kind: z.literal('none') }),
]);

export const wallConfig = z.object({
  unitCode: z.string(),
  rotate: z.boolean().default(true),
  scenes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(SCENE_KINDS),
      titleVi: z.string().optional(),
      titleEn: z.string().optional(),
      durationSec: z.number(),
      enabled: z.boolean(),
      measure: sceneMeasure,
      overlays: z.array(z.enum(SCENE_OVERLAYS)),
    }),
  ),
  updatedAt: iso.nullable().default(null),
  updatedBy: z.string().nullable().default(null),
}) satisfies z.ZodType<WallConfig>;

export const unitItem = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentCode: z.string().nullable().default(null),
});
export type UnitItem = z.infer<typeof unitItem>;

export const indicatorItem = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
});
export type IndicatorItem = z.infer<typeof indicatorItem>;

/** `{asOf, items}` with each item parsed on its own: one bad row is dropped, not the list. */
export function listOf<T>(schema: z.ZodType<T>, body: unknown): T[] {
  const env = z.object({ items: z.array(z.unknown()) }).parse(body);
  const out: T[] = [];
  for (const item of env.items) {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
    else console.warn('Dropped malformed item', r.error.issues, item);
  }
  return out;
}
