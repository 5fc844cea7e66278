import { z } from 'zod';
import { SCENE_KINDS } from '../wall';
import { isoTime, unitCodeParam } from './common';

/**
 * Wall screens report in (issue 20): every screen opened with a display token says, every
 * half minute and on each scene change, what it shows. Admins read the list to know which
 * screen shows which tile and scene, and which went dark.
 */

/** A screen not heard for longer than this is shown offline (it reports every 30 s). */
export const SCREEN_OFFLINE_AFTER_MS = 2 * 60_000;
/** How often a wall screen reports while nothing changes. */
export const SCREEN_REPORT_INTERVAL_MS = 30_000;

const MAX_TILES_PER_SIDE = 8;

/** Body of `POST /api/v1/wall/screens/report`. */
export const screenReportBodySchema = z
  .strictObject({
    unit: unitCodeParam,
    tiles: z
      .strictObject({
        cols: z.number().int().min(1).max(MAX_TILES_PER_SIDE),
        rows: z.number().int().min(1).max(MAX_TILES_PER_SIDE),
      })
      .meta({ description: 'The wall canvas in screens (`?tiles=2x1`)' }),
    tile: z
      .number()
      .int()
      .min(1)
      .max(MAX_TILES_PER_SIDE * MAX_TILES_PER_SIDE)
      .meta({ description: 'Which screen of the canvas, 1-based, row by row (`?tile=`)' }),
    sceneId: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/)
      .nullable(),
    sceneKind: z.enum(SCENE_KINDS).nullable(),
    viewport: z.strictObject({
      width: z.number().int().min(1).max(32_768),
      height: z.number().int().min(1).max(32_768),
    }),
    kiosk: z.boolean(),
    build: z
      .string()
      .max(120)
      .nullable()
      .meta({ description: "The web app's build (its hashed entry script), when known" }),
  })
  .superRefine((v, ctx) => {
    if (v.tile > v.tiles.cols * v.tiles.rows)
      ctx.addIssue({
        code: 'custom',
        path: ['tile'],
        message: `tile ${String(v.tile)} is outside a ${String(v.tiles.cols)}x${String(v.tiles.rows)} wall`,
      });
  });
export type ScreenReportBody = z.infer<typeof screenReportBodySchema>;

export const screenReportResponse = z.object({
  recorded: z.boolean().meta({
    description: 'false when the caller is a person, not a screen (a preview or a signed-in wall)',
  }),
});

export const wallScreenViewSchema = z
  .object({
    tokenId: z.string(),
    tokenName: z.string(),
    unitCode: z.string(),
    unitName: z.string().nullable(),
    tiles: z.object({ cols: z.number().int(), rows: z.number().int() }),
    tile: z.number().int(),
    sceneId: z.string().nullable(),
    sceneKind: z.enum(SCENE_KINDS).nullable(),
    viewport: z.object({ width: z.number().int(), height: z.number().int() }),
    kiosk: z.boolean(),
    build: z.string().nullable(),
    firstSeenAt: isoTime,
    lastSeenAt: isoTime,
    online: z.boolean().meta({ description: 'Heard within the last 2 minutes' }),
  })
  .meta({ id: 'WallScreen' });
export type WallScreenView = z.infer<typeof wallScreenViewSchema>;

export const wallScreenListResponse = z.object({
  asOf: isoTime,
  items: z.array(wallScreenViewSchema),
});
