import { parseArgs } from 'node:util';
import type { CliConfig } from '@ioc/config';
import { DomainError } from '@ioc/contracts';
import type { DeadLetterRepository } from '@ioc/ingest';
import { boundaryLine, seedDemo } from '../demo/demo-seed';
import { cliActor, runAuthCommand, USERS_USAGE } from '../auth/users.cli';
import { cliServices } from '../composition/services';
import { openCliDb } from './cli-db';
import { INGEST_USAGE, addGateway } from './ingest.command';
import { runDevicesCommand } from './devices.command';
import { writeMosquittoFiles } from './mosquitto-security';
import { FEEDS_USAGE, runFeedsCommand } from './feeds.command';
import { INDICATORS_USAGE, runIndicatorsCommand } from './indicators.command';
import { REPORTS_USAGE, runReportsCommand } from './reports.command';
import { importUnitsCommand } from './units.command';
import { TASKS_USAGE, runTasksCommand } from './tasks.command';
import { CITIZEN_USAGE, runCitizenCommand } from './citizen.command';
import { BASEMAP_USAGE, runBasemapCommand } from './basemap.command';
import { CAMERAS_USAGE, runCamerasCommand } from './cameras.command';

export const USAGE = `Usage: ioc <command> [options]

  migrate                                   apply pending database migrations
  seed demo                                 seed the demo region (units, demo devices, indicator catalogue,
                                            twelve months of demo indicator reports)
  devices add --id ID --kind KIND [--unit CODE] [--lon X --lat Y] [--gateway GW] [--dev-eui EUI] [--interval S] [--alarm-levels I,II,III]
              [--name NAME] [--mobile] [--profile '{"fieldMap":{"temp":"temperature"}}']
                                            register a device; prints its token once (LoRaWAN: --dev-eui and
                                            a profile mapping decoded payload fields to metric codes). Without
                                            --unit a fixed device is placed in the unit containing --lon/--lat
                                            (outside every unit: give --unit); --mobile devices (vessels) are
                                            placed per reading. Same rules as POST /api/v1/devices.
  devices list [--unit CODE]                list devices
  devices rotate --id ID                    issue a new token (the old one stops working)
  units import <file|dir>… [--dry-run] [--parent 48] [--map code=ma_xa,name=ten_xa]
                                            import administrative units from GeoJSON (all or nothing)
  deadletter list [--limit N] [--reason R]  latest rejected messages with reasons
${INGEST_USAGE}${USERS_USAGE}${FEEDS_USAGE}${INDICATORS_USAGE}${TASKS_USAGE}${REPORTS_USAGE}${CITIZEN_USAGE}${BASEMAP_USAGE}${CAMERAS_USAGE}
Environment: DATABASE_URL (else the embedded database in DATA_DIR, default ./data).
`;

type Print = (line: string) => void;

export async function runCommand(
  argv: string[],
  config: CliConfig,
  print: Print,
  readStdin: () => Promise<string> = readProcessStdin,
): Promise<number> {
  const [group, action, ...rest] = argv;
  // Set-up commands may make the embedded database; the rest need the platform's own.
  const db = await openCliDb(config, { mayCreate: group === 'migrate' || group === 'seed' });
  const services = cliServices(db.pool, config);
  try {
    switch (`${group ?? ''} ${group === 'migrate' ? '' : (action ?? '')}`.trim()) {
      case 'migrate':
        print(db.applied.length > 0 ? `applied: ${db.applied.join(', ')}` : 'nothing to apply');
        print(`storage: ${db.storage}, migration version ${db.migrationVersion}`);
        return 0;
      case 'seed demo': {
        const r = await seedDemo(db.pool, {
          dataDir: config.DATA_DIR,
          province: config.IOC_PROVINCE,
          boundaries: config.IOC_BOUNDARIES,
        });
        print(
          `units: ${r.units} of ${config.IOC_PROVINCE}, ${boundaryLine(r.boundaries)}; demo devices: ${r.devices}`,
        );
        services.units.invalidate();
        const ind = await services.indicatorSeed.seed({
          province: config.IOC_PROVINCE,
          demo: true,
        });
        print(
          `indicator catalogue: +${ind.catalogue.indicators} indicators, +${ind.catalogue.targets} targets; demo reports: ${ind.demo ? `${ind.demo.rows} rows` : 'already loaded'}`,
        );
        return 0;
      }
      case 'devices add':
      case 'devices list':
      case 'devices rotate':
        return await runDevicesCommand(action ?? '', rest, services, print);
      case 'units import':
        return await importUnitsCommand(services.unitImport, rest, print);
      case 'deadletter list':
        return await listDeadLetters(services.deadLetters, rest, print);
      case 'gateways add':
        return await addGateway(services.registration, cliActor(), rest, print);
      case 'broker mosquitto-files':
        return await writeMosquittoFiles(services.devices, rest, print);
      case 'users add':
      case 'users list':
      case 'users disable':
      case 'users enable':
      case 'users passwd':
      case 'users unlock':
      case 'display-tokens add':
        return await runAuthCommand(`${group ?? ''} ${action ?? ''}`, rest, services.auth, {
          print,
          readStdin,
        });
      case 'feeds add':
      case 'feeds list':
      case 'feeds rotate':
      case 'feeds revoke':
        return await runFeedsCommand(`${group ?? ''} ${action ?? ''}`, rest, services, print);
      case 'indicators list':
      case 'indicators add':
      case 'indicators edit':
      case 'targets list':
      case 'targets add':
      case 'targets edit':
      case 'targets retire':
        return await runIndicatorsCommand(`${group ?? ''} ${action ?? ''}`, rest, services, print);
      case 'tasks list':
      case 'tasks show':
      case 'tasks progress':
      case 'tasks seed':
      case 'offices list':
      case 'offices add':
      case 'offices member':
        return await runTasksCommand(`${group ?? ''} ${action ?? ''}`, rest, services, print);
      default:
        if (group === 'reports' && action !== undefined) {
          return await runReportsCommand(action, rest, services.reportingCycle, print);
        }
        if (group === 'citizen' && action !== undefined) {
          return await runCitizenCommand(action, rest, services.citizen, print);
        }
        if (group === 'basemap' && action !== undefined) {
          return await runBasemapCommand(action, rest, services.basemap, print);
        }
        if (group === 'cameras' && action !== undefined) {
          return await runCamerasCommand(action, rest, services.cameras, print);
        }
        print(USAGE);
        return 2;
    }
  } finally {
    await services.reportingCycle.close();
    await db.close();
  }
}

async function listDeadLetters(
  repo: DeadLetterRepository,
  args: string[],
  print: Print,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { limit: { type: 'string' }, reason: { type: 'string' } },
    strict: true,
  });
  const limit = Number(values.limit ?? 20);
  if (!Number.isInteger(limit) || limit <= 0 || limit > 10_000) {
    throw new DomainError(
      'invalid',
      'LIMIT_INVALID',
      '--limit must be a whole number from 1 to 10000',
    );
  }
  const rows = await repo.latest(limit, values.reason);
  for (const r of rows) {
    print(
      `${r.receivedAt.toISOString()}  ${r.reason.padEnd(22)} ${r.source}  ${r.deviceId ?? '-'}  ${r.detail ?? ''}`,
    );
    if (r.payload) print(`    ${r.payload.slice(0, 160).replace(/\s+/g, ' ')}`);
  }
  print(`${rows.length} row(s)`);
  return 0;
}

/** Piped stdin only: a password is never prompted for (nothing to type into in CI). */
async function readProcessStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new DomainError('invalid', 'CLI_USAGE', 'pass --password or pipe the password on stdin');
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}
