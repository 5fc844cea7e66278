import type { z } from 'zod';
import { ConfigError } from './config.error';

type Env = Record<string, string | undefined>;

/** Parses a whole environment and reports every bad key at once, not the first one only. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.infer<S> {
  // Empty strings mean "unset": compose files and shells often pass KEY= for optional settings.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return result.data;
}
