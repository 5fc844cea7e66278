import { z } from 'zod';
import {
  CAMERA_GRID_LAYOUTS,
  SCENE_KINDS,
  SCENE_OVERLAYS,
  defaultWallDisplay,
  type WallConfig,
  type WallDisplay,
} from '../wall';
import { isoTime } from './common';

const title = z.string().trim().min(1).max(120);

const measureBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('metric'), metric: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('indicator'), code: z.string().min(1).max(128) }),
  z.strictObject({ kind: z.literal('none') }),
]);

/** A camera-grid scene's tiles; the ids are checked against the registry when shown. */
const sceneCamerasBody = z.strictObject({
  layout: z.enum(CAMERA_GRID_LAYOUTS),
  ids: z.array(z.string().min(1).max(128)).max(90, 'at most 90 cameras (10 pages of 3×3)'),
});

const sceneBody = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and -, 1–40 characters'),
  kind: z.enum(SCENE_KINDS),
  titleVi: title.optional(),
  titleEn: title.optional(),
  durationSec: z.number().int('whole seconds').min(10).max(3600),
  enabled: z.boolean(),
  measure: measureBody,
  overlays: z.array(z.enum(SCENE_OVERLAYS)).max(SCENE_OVERLAYS.length),
  cameras: sceneCamerasBody.optional(),
});

/** The physical wall (see WallDisplay): bounds cover a single monitor up to a stadium wall. */
export const wallDisplaySchema = z
  .strictObject({
    panelDiagonalInch: z.number().min(10).max(300).meta({ description: 'One panel, 16:9' }),
    panelCols: z.number().int('whole panels').min(1).max(12),
    panelRows: z.number().int('whole panels').min(1).max(8),
    viewingDistanceM: z
      .number()
      .min(0.5)
      .max(50)
      .meta({ description: 'From the wall to the farthest seat that must read it' }),
    textScale: z
      .number()
      .min(0.8)
      .max(1.6)
      .meta({ description: 'Text size on top of the legible minimum; 1 = the minimum' }),
  })
  .meta({ id: 'WallDisplay' }) satisfies z.ZodType<WallDisplay>;

/** Body of `PUT /api/v1/wall/config?unit=`: every bad field is listed in one 400. */
export const wallConfigBodySchema = z
  .strictObject({
    rotate: z.boolean(),
    scenes: z.array(sceneBody).min(1).max(50),
    display: wallDisplaySchema.optional().meta({
      description: 'Omitted: the wall keeps its current display (or the default 2×2 of 55", 5 m)',
    }),
  })
  .superRefine((v, ctx) => {
    const seen = new Map<string, number>();
    v.scenes.forEach((s, i) => {
      const first = seen.get(s.id);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['scenes', i, 'id'],
          message: `duplicate scene id ${s.id} (also scenes.${String(first)})`,
        });
      else seen.set(s.id, i);
      if (s.kind === 'cameras' && (s.cameras?.ids.length ?? 0) === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['scenes', i, 'cameras', 'ids'],
          message: 'a cameras scene needs at least one camera',
        });
      const dupCamera = s.cameras?.ids.find((c, j, ids) => ids.indexOf(c) !== j);
      if (dupCamera !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['scenes', i, 'cameras', 'ids'],
          message: `camera ${dupCamera} listed twice`,
        });
      const dup = s.overlays.find((o, j) => s.overlays.indexOf(o) !== j);
      if (dup !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['scenes', i, 'overlays'],
          message: `overlay ${dup} listed twice`,
        });
    });
    if (!v.scenes.some((s) => s.enabled))
      ctx.addIssue({
        code: 'custom',
        path: ['scenes'],
        message: 'at least one scene must be enabled',
      });
  });

export const wallConfigQuery = z.object({
  unit: z.string().meta({ description: 'Unit code of the wall', examples: ['48'] }),
});

/** What a scene's choropleth is coloured by. */
export const sceneMeasureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('metric'), metric: z.string() }),
  z.object({ kind: z.literal('indicator'), code: z.string() }),
  z.object({ kind: z.literal('none') }),
]);

/** One scene as the wall reads it; missing optional facts get their defaults. */
export const wallSceneSchema = z.object({
  id: z.string(),
  kind: z.enum(SCENE_KINDS),
  titleVi: z.string().optional(),
  titleEn: z.string().optional(),
  durationSec: z.number(),
  enabled: z.boolean().default(true),
  measure: sceneMeasureSchema.default({ kind: 'none' }),
  overlays: z.array(z.enum(SCENE_OVERLAYS)).default([]),
  cameras: z.object({ layout: z.enum(CAMERA_GRID_LAYOUTS), ids: z.array(z.string()) }).optional(),
});

export const wallConfigSchema = z
  .object({
    unitCode: z.string(),
    rotate: z
      .boolean()
      .default(true)
      .meta({ description: 'false: stay on the first enabled scene' }),
    scenes: z.array(wallSceneSchema),
    display: wallDisplaySchema.default(defaultWallDisplay),
    updatedAt: isoTime.nullable().default(null).meta({ description: 'null: built-in defaults' }),
    updatedBy: z.string().nullable().default(null),
  })
  .meta({ id: 'WallConfig' }) satisfies z.ZodType<WallConfig>;
