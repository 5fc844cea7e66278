import { parseArgs } from 'node:util';
import {
  DomainError,
  citizenAppCreateBody,
  citizenListQuery,
  parseInput,
  workHolidayDayParams,
  workHolidayListQuery,
  workHolidayPutBody,
} from '@ioc/contracts';
import { cliActor } from '../auth/users.cli';
import type { CitizenParts } from '../composition/citizen';

export const CITIZEN_USAGE = `  citizen categories                        citizen-report categories, their deadlines (working days)
  citizen holidays [--year 2026]            public holidays of the working-day calendar
  citizen holiday set <YYYY-MM-DD> <name> [--en NAME]
                                            add or rename a holiday (deadlines of new cases skip it)
  citizen holiday remove <YYYY-MM-DD>       take a day off the holiday list
  citizen apps add <id> <name>              let an app file reports on residents' behalf; prints its key once
  citizen apps list                         apps and whether they are revoked
  citizen list --unit CODE [--status open|overdue|received|…] [--limit 50]
                                            citizen reports of a unit, overdue first
`;

type Print = (line: string) => void;

/** `ioc citizen …`: the API's services, checks and audit (actor: the CLI user). */
export async function runCitizenCommand(
  action: string,
  args: string[],
  parts: CitizenParts,
  print: Print,
  today: () => Date = () => new Date(),
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      year: { type: 'string' },
      en: { type: 'string' },
      unit: { type: 'string' },
      status: { type: 'string' },
      limit: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const actor = cliActor();
  const [sub, ...rest] = positionals;
  switch (action) {
    case 'categories': {
      const { items } = await parts.categories.list({ includeInactive: true });
      for (const c of items) {
        print(
          `${c.icon} ${c.code.padEnd(14)} ${String(c.deadlineDays).padStart(2)} ngày làm việc  ${c.nameVi} / ${c.nameEn}${c.active ? '' : '  (inactive)'}`,
        );
      }
      print(`${String(items.length)} categories`);
      return 0;
    }
    case 'holidays': {
      const { year } = parseInput(
        workHolidayListQuery,
        { year: values.year ?? String(today().getUTCFullYear()) },
        'CLI_USAGE',
      );
      const list = await parts.holidays.list(year);
      for (const h of list.items) print(`${h.day}  ${h.nameVi} / ${h.nameEn}`);
      print(`${String(list.items.length)} holidays in ${String(year)}`);
      return 0;
    }
    case 'holiday': {
      const { day } = parseInput(workHolidayDayParams, { day: rest[0] }, 'CLI_USAGE');
      if (sub === 'remove') {
        await parts.holidays.remove(day, actor);
        print(`holiday ${day} removed (by ${actor.actor})`);
        return 0;
      }
      if (sub !== 'set') break;
      const name = rest.slice(1).join(' ');
      const body = parseInput(
        workHolidayPutBody,
        { nameVi: name, nameEn: values.en ?? name },
        'CLI_USAGE',
      );
      const h = await parts.holidays.put(day, body, actor);
      print(`holiday ${h.day} ${h.nameVi} set (by ${actor.actor})`);
      return 0;
    }
    case 'apps': {
      if (sub === 'list') {
        const { items } = await parts.apps.list();
        for (const a of items) print(`${a.id}  ${a.name}${a.revokedAt ? '  (revoked)' : ''}`);
        print(`${String(items.length)} apps`);
        return 0;
      }
      if (sub !== 'add') break;
      const body = parseInput(
        citizenAppCreateBody,
        { id: rest[0], name: rest.slice(1).join(' ') },
        'CLI_USAGE',
      );
      const made = await parts.apps.create(body, actor);
      print(`app ${made.id} added; its key (shown once, keep it secret):`);
      print(made.key);
      return 0;
    }
    case 'list': {
      const q = parseInput(
        citizenListQuery,
        { unit: values.unit, status: values.status, limit: values.limit },
        'CLI_USAGE',
      );
      if (q.unit === undefined) throw new DomainError('invalid', 'CLI_USAGE', 'give --unit');
      const page = await parts.cases.list(q);
      for (const c of page.items) {
        print(
          `${c.code}  ${c.status.padEnd(11)} ${c.overdue ? 'QUÁ HẠN ' : ''}${c.unitCode}  ${c.category.nameVi}  hạn ${c.deadlineAt.slice(0, 10)}  ${c.description.slice(0, 60)}`,
        );
      }
      print(
        `${String(page.items.length)} of ${String(page.total)} reports, ${String(page.counts.overdue)} overdue`,
      );
      return 0;
    }
  }
  throw new DomainError(
    'invalid',
    'CLI_USAGE',
    `unknown command: citizen ${action} ${sub ?? ''}`.trim(),
  );
}
