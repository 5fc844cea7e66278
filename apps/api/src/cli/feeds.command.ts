import { parseArgs } from 'node:util';
import { DomainError } from '@ioc/contracts';
import type { CliServices } from '../composition/services';
import type { FeedAdminService } from '@ioc/indicators';

export const FEEDS_USAGE = `  feeds add --code C --name N [--indicators a,b] [--units 48,20275] [--cadence monthly|quarterly|yearly]
            [--due-day 10] [--who W] [--why R]
                                            register a report feed; prints its API key once
  feeds list [--revoked]                    list feeds (scope, cadence, key age)
  feeds rotate --code C [--who W] [--why R] issue a new key (the old one stops working at once)
  feeds revoke --code C --why R [--who W]   revoke a feed (its reports stay)
`;

type Print = (line: string) => void;

/** `ioc feeds add|list|rotate|revoke`: the same service, validation and audit as the admin API. */
export async function runFeedsCommand(
  command: string,
  args: string[],
  services: Pick<CliServices, 'indicatorSeed' | 'feeds'>,
  print: Print,
): Promise<number> {
  // The catalogue the platform seeds at start, so the CLI works on a database it has not seen yet.
  await services.indicatorSeed.seedCatalogue();
  const service = services.feeds;
  switch (command) {
    case 'feeds add':
      return addFeed(service, args, print);
    case 'feeds list':
      return listFeeds(service, args, print);
    case 'feeds rotate':
      return rotateFeed(service, args, print);
    case 'feeds revoke':
      return revokeFeed(service, args, print);
    default:
      throw new DomainError('invalid', 'CLI_USAGE', `unknown command ${command}`);
  }
}

const actorOptions = { who: { type: 'string' }, why: { type: 'string' } } as const;

async function addFeed(service: FeedAdminService, args: string[], print: Print): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      indicators: { type: 'string' },
      units: { type: 'string' },
      cadence: { type: 'string' },
      'due-day': { type: 'string' },
      ...actorOptions,
    },
    strict: true,
  });
  const dueDay = values['due-day'] === undefined ? undefined : Number(values['due-day']);
  const { feed, key } = await service.createFeed(
    {
      code: values.code,
      name: values.name,
      ...(values.cadence === undefined ? {} : { cadence: values.cadence }),
      ...(dueDay === undefined ? {} : { dueDay }),
      allowedIndicators: list(values.indicators),
      allowedUnits: list(values.units),
      ...(values.why === undefined ? {} : { why: values.why }),
    },
    values.who ?? 'system',
  );
  print(`feed ${feed.code} registered: ${feed.name}`);
  print(`  cadence: ${feed.cadence}, due on day ${feed.dueDay} of the following month`);
  print(`  indicators: ${feed.allowedIndicators?.join(', ') ?? 'any'}`);
  print(`  units: ${feed.allowedUnits?.join(', ') ?? 'any'}`);
  print(`key: ${key}`);
  print('Keep the key now: it is stored hashed and cannot be shown again.');
  print(
    `Send reports to POST /api/v1/feeds/${feed.code}/reports with Authorization: Bearer <key>.`,
  );
  return 0;
}

async function listFeeds(service: FeedAdminService, args: string[], print: Print): Promise<number> {
  const { values } = parseArgs({ args, options: { revoked: { type: 'boolean' } }, strict: true });
  const { items } = await service.listFeeds(values.revoked ?? false);
  print(
    ['code', 'cadence', 'due', 'indicators', 'units', 'key rotated', 'status', 'name'].join('\t'),
  );
  for (const f of items) {
    print(
      [
        f.code,
        f.cadence,
        f.dueDay,
        f.allowedIndicators?.join(',') ?? 'any',
        scope(f.allowedUnits),
        f.keyRotatedAt.toISOString(),
        f.revokedAt === null ? 'active' : `revoked ${f.revokedAt.toISOString()}`,
        f.name,
      ].join('\t'),
    );
  }
  print(`${items.length} feed(s)`);
  return 0;
}

async function rotateFeed(
  service: FeedAdminService,
  args: string[],
  print: Print,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { code: { type: 'string' }, ...actorOptions },
    strict: true,
  });
  const code = required(values.code, '--code');
  const { key } = await service.rotateFeed(
    code,
    values.why === undefined ? undefined : { why: values.why },
    values.who ?? 'system',
  );
  print(`new key for ${code}: ${key}`);
  print('The previous key no longer works. Keep this one now: it cannot be shown again.');
  return 0;
}

async function revokeFeed(
  service: FeedAdminService,
  args: string[],
  print: Print,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { code: { type: 'string' }, ...actorOptions },
    strict: true,
  });
  const code = required(values.code, '--code');
  await service.revokeFeed(code, { why: values.why }, values.who ?? 'system');
  print(`feed ${code} revoked; its key no longer works, its reports are kept`);
  return 0;
}

function list(text: string | undefined): string[] | null {
  if (text === undefined) return null;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function scope(units: string[] | null): string {
  if (units === null) return 'any';
  return units.length > 6 ? `${units.slice(0, 6).join(',')},… (${units.length})` : units.join(',');
}

export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') {
    throw new DomainError('invalid', 'CLI_USAGE', `${flag} is required`);
  }
  return value;
}
