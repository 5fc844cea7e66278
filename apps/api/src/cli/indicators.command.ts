import { parseArgs } from 'node:util';
import { DomainError } from '@ioc/contracts';
import type { CliServices } from '../composition/services';
import {
  type CatalogueAdminService,
  parseLocaleNumber,
  ruleText,
  type StoredTarget,
} from '@ioc/indicators';
import { required } from './feeds.command';

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

const actorOptions = { who: { type: 'string' }, why: { type: 'string' } } as const;

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

async function listTargets(
  service: CatalogueAdminService,
  args: string[],
  print: Print,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      indicator: { type: 'string' },
      unit: { type: 'string' },
      retired: { type: 'boolean' },
    },
    strict: true,
  });
  const { items } = await service.targets({
    indicator: values.indicator,
    unit: values.unit,
    retired: values.retired ?? false,
  });
  print(['id', 'indicator', 'unit', 'year', 'target', 'source', 'status'].join('\t'));
  for (const t of items) {
    print(
      [
        t.id,
        t.indicator,
        t.unitCode,
        t.year,
        ruleText(t),
        t.source ?? '-',
        t.retiredAt === null ? 'live' : 'retired',
      ].join('\t'),
    );
  }
  print(`${items.length} target(s)`);
  return 0;
}

const ruleOptions = {
  year: { type: 'string' },
  op: { type: 'string' },
  value: { type: 'string' },
  min: { type: 'string' },
  max: { type: 'string' },
  source: { type: 'string' },
  ref: { type: 'string' },
} as const;

/** The comparator and document flags that were given, as API fields. */
function ruleFields(values: {
  year?: string | undefined;
  op?: string | undefined;
  value?: string | undefined;
  min?: string | undefined;
  max?: string | undefined;
  source?: string | undefined;
  ref?: string | undefined;
}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (values.year !== undefined) out.year = number(values.year, '--year');
  if (values.op !== undefined) out.op = values.op;
  if (values.value !== undefined) out.value = number(values.value, '--value');
  if (values.min !== undefined) out.min = number(values.min, '--min');
  if (values.max !== undefined) out.max = number(values.max, '--max');
  if (values.source !== undefined) out.source = values.source;
  if (values.ref !== undefined) out.ref = values.ref;
  return out;
}

async function addTarget(
  service: CatalogueAdminService,
  args: string[],
  print: Print,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      indicator: { type: 'string' },
      unit: { type: 'string' },
      ...ruleOptions,
      ...actorOptions,
    },
    strict: true,
  });
  const target = await service.createTarget(
    { indicator: values.indicator, unitCode: values.unit, ...ruleFields(values), why: values.why },
    values.who ?? 'system',
  );
  print(`target ${target.id} added: ${describe(target)}`);
  return 0;
}

async function editTarget(
  service: CatalogueAdminService,
  args: string[],
  print: Print,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { id: { type: 'string' }, ...ruleOptions, ...actorOptions },
    strict: true,
  });
  const id = number(required(values.id, '--id'), '--id');
  const target = await service.updateTarget(
    id,
    { ...ruleFields(values), why: values.why },
    values.who ?? 'system',
  );
  print(`target ${target.id} updated: ${describe(target)}`);
  return 0;
}

async function retireTarget(
  service: CatalogueAdminService,
  args: string[],
  print: Print,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { id: { type: 'string' }, ...actorOptions },
    strict: true,
  });
  const id = number(required(values.id, '--id'), '--id');
  const target = await service.retireTarget(id, { why: values.why }, values.who ?? 'system');
  print(`target ${target.id} retired: ${describe(target)}`);
  return 0;
}

function describe(t: StoredTarget): string {
  return `${t.indicator} ${t.unitCode} ${t.year} ${ruleText(t)}${t.source === null ? '' : ` (${t.source})`}`;
}

function number(text: string, flag: string): number {
  const n = parseLocaleNumber(text, 'en');
  if (n === undefined) throw new DomainError('invalid', 'CLI_USAGE', `${flag} must be a number`);
  return n;
}
