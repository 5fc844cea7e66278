import { ConfigError, loadCliConfig } from '@ioc/config';
import { DbError } from '@ioc/db';
import { DomainError } from '@ioc/contracts';
import { runCommand, USAGE } from './commands';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const config = loadCliConfig(process.env);
  return runCommand(argv, config, (line) => process.stdout.write(`${line}\n`));
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const usage =
      err instanceof Error && String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
    if (
      err instanceof ConfigError ||
      err instanceof DbError ||
      err instanceof DomainError ||
      (usage && err instanceof Error)
    ) {
      process.stderr.write(`ioc: ${err.message}\n`);
    } else {
      process.stderr.write(
        `ioc: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
    }
    process.exit(1);
  },
);
