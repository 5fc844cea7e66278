import { z } from 'zod';
import { DEVICE_STATUSES } from '../vocabulary';
import { cursorParam, instantParam, isoTime, limitParam, unitCodeParam } from './common';

export const fleetQuerySchema = z.object({
  unit: unitCodeParam,
  kind: z
    .string()
    .regex(/^[a-z0-9_]{1,40}$/)
    .optional(),
  /** Uptime period; default the last 24 hours. */
  from: instantParam.optional(),
  to: instantParam.optional(),
  limit: limitParam(500, 5000),
  cursor: cursorParam.optional(),
});

/** Σ seconds up / Σ seconds expected: adds up across wards (never an average of ratios). */
export const uptimeSchema = z.object({
  numerator: z.number(),
  denominator: z.number(),
  ratio: z.number().nullable(),
});

/** Status counts of a group (a ward, a device kind, the whole unit). */
export const fleetCountSchema = z.object({
  key: z.string().meta({ description: "Unit code or device kind; '' for devices without a unit" }),
  online: z.number().int().default(0),
  late: z.number().int().default(0),
  offline: z.number().int().default(0),
  never: z
    .number()
    .int()
    .default(0)
    .meta({ description: 'Registered devices never heard from (not counted as offline)' }),
  total: z.number().int().default(0),
});
export type FleetCount = z.output<typeof fleetCountSchema>;

export const fleetGroupSchema = fleetCountSchema.extend({
  devices: z.number().int(),
  uptime: uptimeSchema,
});

const healthValue = z.object({ value: z.number(), time: isoTime });

export const fleetDeviceSchema = z.object({
  id: z.string(),
  name: z.string().nullable().default(null),
  kind: z.string(),
  unitCode: z.string().nullable().default(null),
  status: z.enum(DEVICE_STATUSES),
  lastSeen: isoTime.nullable(),
  silentS: z.number().nullable(),
  expectedIntervalS: z.number(),
  uptime: uptimeSchema,
  health: z
    .record(z.string(), healthValue)
    .default({})
    .meta({ description: 'battery, battery_v, rssi, snr when the device reports them' }),
});
export type FleetDevice = z.output<typeof fleetDeviceSchema>;

export const fleetViewSchema = z.object({
  asOf: isoTime,
  unit: z.string(),
  period: z.object({ from: isoTime, to: isoTime }),
  resolution: z.enum(['1m', '1h']),
  summary: fleetGroupSchema,
  byUnit: z.array(fleetGroupSchema),
  byKind: z.array(fleetGroupSchema),
  devices: z.array(fleetDeviceSchema),
  nextCursor: z.string().nullable(),
});
export type FleetView = z.output<typeof fleetViewSchema>;
