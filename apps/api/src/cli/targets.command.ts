import { parseArgs } from 'node:util';
import { DomainError } from '@ioc/contracts';
import {
  type CatalogueAdminService,
  parseLocaleNumber,
  ruleText,
  type StoredTarget,
} from '@ioc/indicators';
import { actorOptions } from './actor-options';
import { required } from './feeds.command';

type Print = (line: string) => void;

/** `ioc targets …`: plan targets through the catalogue service (validated and logged). */
export async function listTargets(
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

export async function addTarget(
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

export async function editTarget(
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

export async function retireTarget(
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
