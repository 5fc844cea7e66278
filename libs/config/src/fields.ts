import { z } from 'zod';

export const port = (fallback: number) =>
  z.coerce.number().int().min(0).max(65_535).default(fallback);
export const positiveInt = (fallback: number) =>
  z.coerce.number().int().positive().default(fallback);
export const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
    // zod 4 returns an outer default as-is, so the default sits before the transform.
    .default(fallback ? 'true' : 'false')
    .transform((v) => ['true', '1', 'yes', 'on'].includes(v));
export const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');
export const mqttUrl = z
  .string()
  .regex(/^(mqtts?|wss?|tcp):\/\//, 'must be an mqtt://, mqtts://, ws:// or wss:// URL');
export const smtpUrl = z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL');
export const httpUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL')
  .transform((v) => v.replace(/\/+$/, ''));
export const csvList = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);
/**
 * A MapLibre style URL (https://…) or a PMTiles archive for the pmtiles protocol
 * (pmtiles://https://host/file.pmtiles, or pmtiles:// + a path the web server serves).
 */
export const basemapUrl = z
  .string()
  .trim()
  .refine((v) => {
    if (v.startsWith('pmtiles://')) return /^\S+$/.test(v.slice('pmtiles://'.length));
    try {
      return new URL(v).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an https:// MapLibre style URL or a pmtiles:// URL');
/** Comma-separated amqp:// or amqps:// URLs (the nodes of a RabbitMQ cluster). */
export const amqpUrlList = csvList.refine(
  (urls) => urls.length > 0 && urls.every((u) => /^amqps?:\/\/\S+$/.test(u)),
  'comma-separated amqp:// or amqps:// URLs',
);
