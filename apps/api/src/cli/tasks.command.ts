import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DomainError,
  officeCreateBody,
  parseInput,
  taskListQuery,
  taskProgressFields,
  type TaskView,
} from '@ioc/contracts';
import { cliActor } from '../auth/users.cli';
import type { CliServices } from '../composition/services';

export const TASKS_USAGE = `  tasks list [--unit CODE] [--status overdue,in_progress] [--due this_month|overdue|YYYY-MM]
             [--office ID] [--source ID] [--q TEXT] [--limit N]
                                            plan tasks led by the unit or below, with counts by status
  tasks show --id ID | --code CODE          one task with its progress updates and files
  tasks progress --id ID --progress 0-100 [--status in_progress|done|not_started] [--note TEXT]
                 [--file PATH]…             post progress with evidence files (JPEG/PNG/WebP/PDF/XLSX/DOCX)
  tasks seed                                seed the task catalogue (also done at every start)
  offices list [--unit CODE] [--retired]    offices below a unit and their members
  offices add --unit CODE --name NAME [--id ID] [--kind KIND] [--compiler] [--email E]
                                            add an office (kind: department, people_committee_office,
                                            culture_society, public_service_center, police, economic, other)
  offices member --office ID --user NAME [--remove]
                                            put a user in an office (out of any other), or take them out
`;

type Print = (line: string) => void;
type Services = Pick<CliServices, 'tasks' | 'taskProgress' | 'taskSeed' | 'offices'>;

/** `ioc tasks …` and `ioc offices …`: the API's services, validation and audit trail. */
export async function runTasksCommand(
  command: string,
  args: string[],
  services: Services,
  print: Print,
): Promise<number> {
  // The catalogue the platform seeds at start, so the CLI works on a database it has not seen yet.
  const seeded = await services.taskSeed.seed();
  switch (command) {
    case 'tasks seed':
      print(`task catalogue: +${seeded.sources} sources, +${seeded.tasks} tasks`);
      return 0;
    case 'tasks list':
      return listTasks(services, args, print);
    case 'tasks show':
      return showTask(services, args, print);
    case 'tasks progress':
      return postProgress(services, args, print);
    case 'offices list':
      return listOffices(services, args, print);
    case 'offices add':
      return addOffice(services, args, print);
    case 'offices member':
      return setMember(services, args, print);
    default:
      throw new DomainError('invalid', 'CLI_USAGE', `unknown command ${command}`);
  }
}

function line(t: TaskView): string {
  const lead = t.leadOfficeName ?? t.leadVi ?? t.leadUnitName ?? t.leadUnitCode;
  return `${t.id.padStart(5)}  ${t.status.padEnd(11)} ${String(t.progress).padStart(3)}%  ${(t.dueDate ?? '—').padEnd(10)}  ${t.code}  ${t.titleVi.slice(0, 80)}  [${lead}]`;
}

async function listTasks(s: Services, args: string[], print: Print): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      unit: { type: 'string' },
      status: { type: 'string' },
      due: { type: 'string' },
      office: { type: 'string' },
      source: { type: 'string' },
      q: { type: 'string' },
      limit: { type: 'string' },
    },
    strict: true,
  });
  // parseArgs leaves absent options out; the contract's query schema checks the rest.
  const r = await s.tasks.list(parseInput(taskListQuery, { ...values }, 'CLI_USAGE'));
  for (const t of r.items) print(line(t));
  const counts = Object.entries(r.counts.byStatus).map(([k, n]) => `${k} ${n}`);
  print(
    `${r.items.length} shown${r.nextCursor ? ' (more: raise --limit)' : ''}; ${counts.join(', ')}`,
  );
  return 0;
}

async function showTask(s: Services, args: string[], print: Print): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { id: { type: 'string' }, code: { type: 'string' } },
    strict: true,
  });
  let id = values.id;
  if (id === undefined && values.code !== undefined) {
    const found = await s.tasks.list(parseInput(taskListQuery, { q: values.code, limit: '500' }));
    id = found.items.find((t) => t.code === values.code)?.id;
    if (id === undefined)
      throw new DomainError('not_found', 'TASK_NOT_FOUND', `no task ${values.code}`);
  }
  if (id === undefined) throw new DomainError('invalid', 'CLI_USAGE', 'give --id or --code');
  const t = await s.tasks.get(id);
  print(line(t));
  for (const [label, v] of [
    ['source', t.source],
    [
      'lead',
      `${t.leadUnitName ?? t.leadUnitCode}${t.leadOfficeName ? ` / ${t.leadOfficeName}` : ''}`,
    ],
    ['lead (as printed)', t.leadVi],
    ['cooperating', t.cooperatingVi],
    ['period', t.periodVi],
    ['cadence', t.cadence],
    ['product', t.productVi],
    ['ref', t.ref],
  ] as const) {
    if (v !== null) print(`  ${label}: ${v}`);
  }
  for (const u of t.updates) {
    print(`  ${u.at} ${u.actor}: ${u.progress}% ${u.status} ${u.note}`);
    for (const e of u.evidence)
      print(`    file ${e.id}: ${e.filename} (${e.contentType}, ${e.sizeBytes} B)`);
  }
  return 0;
}

async function postProgress(s: Services, args: string[], print: Print): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      id: { type: 'string' },
      progress: { type: 'string' },
      status: { type: 'string' },
      note: { type: 'string' },
      file: { type: 'string', multiple: true },
    },
    strict: true,
  });
  if (values.id === undefined) throw new DomainError('invalid', 'CLI_USAGE', '--id is required');
  const fields = parseInput(
    taskProgressFields,
    {
      progress: values.progress,
      ...(values.status === undefined ? {} : { status: values.status }),
      ...(values.note === undefined ? {} : { note: values.note }),
    },
    'CLI_USAGE',
  );
  const files = (values.file ?? []).map((p) => ({ filename: basename(p), data: readFileSync(p) }));
  const t = await s.taskProgress.postProgress(values.id, fields, files, cliActor());
  print(line(t));
  print(`update stored with ${files.length} file(s)`);
  return 0;
}

async function listOffices(s: Services, args: string[], print: Print): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { unit: { type: 'string' }, retired: { type: 'boolean' } },
    strict: true,
  });
  const offices = await s.offices.list({
    unit: values.unit,
    includeRetired: values.retired === true,
  });
  for (const o of offices) {
    const flags = [o.kind, o.isCompiler ? 'compiler' : null, o.retiredAt ? 'retired' : null];
    print(
      `${o.id}  ${o.nameVi}  (${flags.filter(Boolean).join(', ')})${o.members.length ? `  members: ${o.members.join(', ')}` : ''}`,
    );
  }
  print(`${offices.length} office(s)`);
  return 0;
}

async function addOffice(s: Services, args: string[], print: Print): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      unit: { type: 'string' },
      name: { type: 'string' },
      id: { type: 'string' },
      kind: { type: 'string' },
      compiler: { type: 'boolean' },
      email: { type: 'string' },
    },
    strict: true,
  });
  const body = parseInput(
    officeCreateBody,
    {
      unitCode: values.unit,
      nameVi: values.name,
      ...(values.id === undefined ? {} : { id: values.id }),
      ...(values.kind === undefined ? {} : { kind: values.kind }),
      isCompiler: values.compiler === true,
      ...(values.email === undefined ? {} : { email: values.email }),
    },
    'CLI_USAGE',
  );
  const o = await s.offices.create(body, cliActor());
  print(`office ${o.id} added: ${o.nameVi} (${o.kind}${o.isCompiler ? ', compiler' : ''})`);
  return 0;
}

async function setMember(s: Services, args: string[], print: Print): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { office: { type: 'string' }, user: { type: 'string' }, remove: { type: 'boolean' } },
    strict: true,
  });
  if (values.office === undefined || values.user === undefined) {
    throw new DomainError('invalid', 'CLI_USAGE', '--office and --user are required');
  }
  const o = await s.offices.setMember(
    values.office,
    { username: values.user, remove: values.remove === true },
    cliActor(),
  );
  print(`${o.id} members: ${o.members.join(', ') || '(none)'}`);
  return 0;
}
