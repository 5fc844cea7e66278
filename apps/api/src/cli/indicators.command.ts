import { parseArgs } from 'node:util';
import { DomainError } from '@ioc/contracts';
import type { CliServices } from '../composition/services';
import type { CatalogueAdminService } from '@ioc/indicators';
import { actorOptions } from './actor-options';
import { required } from './feeds.command';
import { addTarget, editTarget, listTargets, retireTarget } from './targets.command';

export const INDICATORS_USAGE = `  indicators list [--domain dx] [--level province|commune]
                                            the indicator catalogue
  indicators add --code dx.x --name-vi N --name-en N --domain D --unit percent --direction higher_is_better
                 --rollup ratio --measured-at province,commune --lead-agency-vi A [--numerator-vi T]
                 [--denominator-vi T] [--notes T] --why R [--who W]
                                            add an indicator (logged with who and why)
  indicators edit --code C [--name-vi N] [--name-en N] [--numerator-vi T] [--denominator-vi T]
                  [--lead-agency-vi A] [--notes T | --clear-notes] --why R [--who W]
                                            edit an indicator's descriptive fields (logged)
  targets list [--indicator C] [--unit CODE] [--retired]
                                            plan targets with their sources
  targets add --indicator C --unit CODE --year Y --op '>='|'<='|'='|between|reached
              [--value V | --min A --max B] [--source DOC] [--ref T] --why R [--who W]
                                            add a target (logged)
  targets edit --id N [--year Y] [--op OP] [--value V] [--min A] [--max B] [--source DOC] [--ref T]
               --why R [--who W]            change a target (logged with before and after)
  targets retire --id N --why R [--who W]   retire a target (kept in the log; a re-seed will not restore it)
`;

type Print = (line: string) => void;

/** `ioc indicators …` and `ioc targets …`: the same service, validation and log as the admin API. */
export async function runIndicatorsCommand(
  command: string,
  args: string[],
  services: Pick<CliServices, 'indicatorSeed' | 'indicatorCatalogue'>,
  print: Print,
): Promise<number> {
  // The catalogue the platform seeds at start, so the CLI works on a database it has not seen yet.
  await services.indicatorSeed.seedCatalogue();
  const service = services.indicatorCatalogue;
  switch (command) {
    case 'indicators list':
      return listIndicators(service, args, print);
    case 'indicators add':
      return addIndicator(service, args, print);
    case 'indicators edit':
      return editIndicator(service, args, print);
    case 'targets list':
      return listTargets(service, args, print);
    case 'targets add':
      return addTarget(service, args, print);
    case 'targets edit':
      return editTarget(service, args, print);
    case 'targets retire':
      return retireTarget(service, args, print);
    default:
      throw new DomainError('invalid', 'CLI_USAGE', `unknown command ${command}`);
  }
}

async function listIndicators(
  service: CatalogueAdminService,
  args: string[],
  print: Print,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { domain: { type: 'string' }, level: { type: 'string' } },
    strict: true,
  });
  const { items } = await service.catalogue({ domain: values.domain, level: values.level });
  print(['code', 'unit', 'direction', 'rollup', 'levels', 'name'].join('\t'));
  for (const i of items) {
    print([i.code, i.unit, i.direction, i.rollup, i.measuredAt.join(','), i.nameVi].join('\t'));
  }
  print(`${items.length} indicator(s)`);
  return 0;
}

async function addIndicator(
  service: CatalogueAdminService,
  args: string[],
  print: Print,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      code: { type: 'string' },
      'name-vi': { type: 'string' },
      'name-en': { type: 'string' },
      domain: { type: 'string' },
      unit: { type: 'string' },
      direction: { type: 'string' },
      rollup: { type: 'string' },
      'measured-at': { type: 'string' },
      'lead-agency-vi': { type: 'string' },
      'numerator-vi': { type: 'string' },
      'denominator-vi': { type: 'string' },
      notes: { type: 'string' },
      ...actorOptions,
    },
    strict: true,
  });
  const created = await service.createIndicator(
    {
      indicator: {
        code: values.code,
        nameVi: values['name-vi'],
        nameEn: values['name-en'],
        domain: values.domain,
        unit: values.unit,
        direction: values.direction ?? 'higher_is_better',
        rollup: values.rollup,
        numeratorVi: values['numerator-vi'] ?? null,
        denominatorVi: values['denominator-vi'] ?? null,
        measuredAt: values['measured-at']?.split(',').map((s) => s.trim()),
        leadAgencyVi: values['lead-agency-vi'],
        notes: values.notes ?? null,
      },
      why: values.why,
    },
    values.who ?? 'system',
  );
  print(`indicator ${created.code} added: ${created.nameVi}`);
  return 0;
}

async function editIndicator(
  service: CatalogueAdminService,
  args: string[],
  print: Print,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      code: { type: 'string' },
      'name-vi': { type: 'string' },
      'name-en': { type: 'string' },
      'numerator-vi': { type: 'string' },
      'denominator-vi': { type: 'string' },
      'lead-agency-vi': { type: 'string' },
      notes: { type: 'string' },
      'clear-notes': { type: 'boolean' },
      ...actorOptions,
    },
    strict: true,
  });
  const code = required(values.code, '--code');
  const patch: Record<string, unknown> = { why: values.why };
  if (values['name-vi'] !== undefined) patch.nameVi = values['name-vi'];
  if (values['name-en'] !== undefined) patch.nameEn = values['name-en'];
  if (values['numerator-vi'] !== undefined) patch.numeratorVi = values['numerator-vi'];
  if (values['denominator-vi'] !== undefined) patch.denominatorVi = values['denominator-vi'];
  if (values['lead-agency-vi'] !== undefined) patch.leadAgencyVi = values['lead-agency-vi'];
  if (values.notes !== undefined) patch.notes = values.notes;
  if (values['clear-notes'] === true) patch.notes = null;
  const updated = await service.updateIndicator(code, patch, values.who ?? 'system');
  print(`indicator ${updated.code} updated: ${updated.nameVi}`);
  return 0;
}
