import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DomainError, REPORT_ACTIONS, type ReportAction } from '@ioc/contracts';
import { cliActor } from '../auth/users.cli';
import type { ReportingParts } from '../composition/reporting';
import { REPORT_SCHEDULES_USAGE, runScheduleCommand } from './report-schedules.command';

export const REPORTS_USAGE = `  reports periods [--unit 48] [--period 2026-11] [--state open,returned] [--late]
                                            reporting periods with state, due date and what is owed
  reports matrix [--unit 48] [--period 2026-11]
                                            reporters × owed items × state, late first
  reports late [--unit 48] [--period 2026-11]
                                            reporters past their due date that have not submitted
  reports submit|approve --id ID            step a period (approved periods are locked)
  reports return|reopen --id ID --reason R  return to the reporter / re-open an approved period
  reports export --unit U --period P (--xlsx FILE | --json FILE)
                                            the month's report as .xlsx or as QCVN 125 packets (JSON)
  reports remind                            send the reminders and late notices due now
${REPORT_SCHEDULES_USAGE}`;

type Print = (line: string) => void;

/** `ioc reports …`: the same services, checks and audit as the API (actor: the CLI user). */
export async function runReportsCommand(
  action: string,
  args: string[],
  parts: ReportingParts,
  print: Print,
): Promise<number> {
  if (action === 'schedules' || action === 'schedule')
    return runScheduleCommand(action, args, parts, print);
  const { values } = parseArgs({
    args,
    options: {
      unit: { type: 'string' },
      period: { type: 'string' },
      state: { type: 'string' },
      late: { type: 'boolean' },
      id: { type: 'string' },
      reason: { type: 'string' },
      xlsx: { type: 'string' },
      json: { type: 'string' },
    },
    strict: true,
  });
  const scope = { unit: values.unit, period: values.period };
  switch (action) {
    case 'periods': {
      const { items } = await parts.reporting.listPeriods({
        ...scope,
        state: values.state,
        late: values.late === true ? 'true' : undefined,
      });
      for (const p of items) print(periodLine(p));
      print(`${items.length} period(s)`);
      return 0;
    }
    case 'late': {
      const { items } = await parts.reporting.late(scope);
      for (const p of items) print(periodLine(p));
      print(`${items.length} late`);
      return 0;
    }
    case 'matrix': {
      const m = await parts.reporting.matrix(scope);
      print(`period ${m.period}`);
      for (const r of m.rows) {
        const done = r.cells.filter((c) => c.done).length;
        print(`${periodLine(r)}  owed ${done}/${r.cells.length} done`);
      }
      return 0;
    }
    case 'export':
      return exportReport(parts, scope, values, print);
    case 'remind': {
      const r = await parts.reminders.tick();
      print(`reminders sent: ${r.sent}, failed: ${r.failed}`);
      return r.failed > 0 ? 1 : 0;
    }
    default: {
      if (!(REPORT_ACTIONS as readonly string[]).includes(action)) {
        throw new DomainError('invalid', 'CLI_USAGE', `unknown command reports ${action}`);
      }
      if (values.id === undefined)
        throw new DomainError('invalid', 'CLI_USAGE', '--id is required');
      const actor = cliActor();
      const p = await parts.reporting.act(
        values.id,
        action as ReportAction,
        values.reason === undefined ? {} : { reason: values.reason },
        { username: actor.actor, reviewsOnlyAsCompiler: false },
        actor,
      );
      print(`${periodLine(p)}  (${action} by ${actor.actor})`);
      return 0;
    }
  }
}

async function exportReport(
  parts: ReportingParts,
  scope: { unit: string | undefined; period: string | undefined },
  values: { xlsx?: string | undefined; json?: string | undefined },
  print: Print,
): Promise<number> {
  if ((values.xlsx === undefined) === (values.json === undefined)) {
    throw new DomainError('invalid', 'CLI_USAGE', 'give one of --xlsx FILE or --json FILE');
  }
  if (values.xlsx !== undefined) {
    const file = await parts.exports.xlsx(scope);
    writeFileSync(values.xlsx, file.body);
    print(`wrote ${values.xlsx} (${file.body.length} bytes)`);
  } else if (values.json !== undefined) {
    const json = await parts.exports.json(scope);
    writeFileSync(values.json, `${JSON.stringify(json, null, 2)}\n`);
    print(`wrote ${values.json} (${json.kpiData.items.length} values)`);
  }
  return 0;
}

function periodLine(p: {
  id: string;
  unitCode: string;
  unitName: string | null;
  officeName: string | null;
  period: string;
  dueDate: string;
  state: string;
  late: boolean;
}): string {
  const who = [p.unitName ?? p.unitCode, p.officeName].filter((s) => s !== null).join(' – ');
  return `#${p.id}  ${p.period}  ${who}  due ${p.dueDate}  ${p.state}${p.late ? '  LATE' : ''}`;
}
