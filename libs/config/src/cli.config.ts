import { z } from 'zod';
import { csvList, positiveInt, postgresUrl, smtpUrl } from './fields';
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
  // `ioc reports remind` sends the reminders due now, by e-mail when these are set.
  SMTP_URL: smtpUrl.optional(),
  SMTP_FROM: z.string().trim().min(3).default('IOC <no-reply@localhost>'),
});

export type CliConfig = z.infer<typeof cliConfigSchema>;

export function loadCliConfig(env: Record<string, string | undefined>): CliConfig {
  return parseEnv(cliConfigSchema, env);
}
