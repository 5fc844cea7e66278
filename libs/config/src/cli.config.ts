import { z } from 'zod';
import { csvList, positiveInt, postgresUrl } from './fields';
import { parseEnv } from './parse';

/** Settings of the `ioc` admin CLI process. */
export const cliConfigSchema = z.object({
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: postgresUrl.optional(),
  DB_POOL_MAX: positiveInt(2),
  IOC_PROVINCE: z
    .string()
    .regex(/^\d{2}$/, 'a 2-digit province code')
    .default('48'),
  IOC_BOUNDARIES: csvList.optional(),
});

export type CliConfig = z.infer<typeof cliConfigSchema>;

export function loadCliConfig(env: Record<string, string | undefined>): CliConfig {
  return parseEnv(cliConfigSchema, env);
}
