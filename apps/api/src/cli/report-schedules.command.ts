import { parseArgs } from 'node:util';
import { DomainError, type ReportScheduleView } from '@ioc/contracts';
import { cliActor } from '../auth/users.cli';
import type { ReportingParts } from '../composition/reporting';

export const REPORT_SCHEDULES_USAGE = `  reports schedules [--unit 48]             who reports, how often, by which day, who is reminded
  reports schedule --unit U [--office ID] [--cadence monthly|quarterly|yearly] [--due-day 15]
      [--remind 5,1] [--email a@x.vn,b@x.vn] [--webhook URL] [--compiler ID]
                                            give a unit (or one office of it) a schedule
  reports schedule --id ID [same options] [--off|--on]
                                            change a schedule, or switch it off / on
`;

type Print = (line: string) => void;

const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

/**
 * `ioc reports schedules|schedule …`: the admin API's schedule service, its checks and audit
 * (actor: the CLI user). Numbers are handed to the contract's parser as numbers, so a bad
 * value gets the same message as over HTTP.
 */
export async function runScheduleCommand(
  action: 'schedules' | 'schedule',
  args: string[],
  parts: ReportingParts,
  print: Print,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      unit: { type: 'string' },
      id: { type: 'string' },
      office: { type: 'string' },
      cadence: { type: 'string' },
      'due-day': { type: 'string' },
      remind: { type: 'string' },
      email: { type: 'string' },
      webhook: { type: 'string' },
      compiler: { type: 'string' },
      off: { type: 'boolean' },
      on: { type: 'boolean' },
    },
    strict: true,
  });
  if (action === 'schedules') {
    const { items } = await parts.schedules.list({ unit: values.unit });
    for (const s of items) print(scheduleLine(s));
    print(`${items.length} schedule(s)`);
    return 0;
  }
  const fields = {
    cadence: values.cadence,
    dueDay: values['due-day'] === undefined ? undefined : Number(values['due-day']),
    remindDays: list(values.remind)?.map(Number),
    emails: list(values.email),
    webhookUrl: values.webhook,
    compilerOfficeId: values.compiler,
  };
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const actor = cliActor();
  if (values.id !== undefined) {
    if (values.off === true && values.on === true)
      throw new DomainError('invalid', 'CLI_USAGE', 'give --off or --on, not both');
    const active = values.off === true ? false : values.on === true ? true : undefined;
    const s = await parts.schedules.patch(
      values.id,
      active === undefined ? given : { ...given, active },
      actor,
    );
    print(`${scheduleLine(s)}  (changed by ${actor.actor})`);
    return 0;
  }
  if (values.unit === undefined)
    throw new DomainError('invalid', 'CLI_USAGE', 'give --unit U (new) or --id ID (change)');
  const s = await parts.schedules.create(
    {
      unitCode: values.unit,
      ...(values.office === undefined ? {} : { officeId: values.office }),
      ...given,
    },
    actor,
  );
  print(`${scheduleLine(s)}  (made by ${actor.actor})`);
  return 0;
}

function scheduleLine(s: ReportScheduleView): string {
  const who = [s.unitName ?? s.unitCode, s.officeName].filter((x) => x !== null).join(' – ');
  const remind = s.remindDays.length > 0 ? `  remind ${s.remindDays.join(',')} d before` : '';
  return `#${s.id}  ${who}  ${s.cadence} by day ${s.dueDay}${remind}${s.active ? '' : '  OFF'}`;
}
