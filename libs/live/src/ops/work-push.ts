import type { CitizenChanged, ReportChanged, TaskChanged, WsServerMessage } from '@ioc/contracts';
import { unitAndParent, type LiveUnits } from '../common/query';
import type { LiveHub } from '../hub/live-hub';

/**
 * Plan-task, report-period and citizen-report changes to WebSocket subscribers of `unit:<code>` of the unit and
 * of its parent (a ward's tablet and the province wall). Keyed per task / period: a congested
 * client keeps only the newest change of each.
 */
export function deliverTask(
  hub: Pick<LiveHub, 'broadcast'>,
  units: Pick<LiveUnits, 'parentOf'>,
  task: TaskChanged,
): void {
  const asOf = new Date().toISOString();
  for (const unit of unitAndParent(units, task.leadUnitCode)) {
    const channel = `unit:${unit}`;
    const msg: WsServerMessage = { type: 'task', channel, asOf, task };
    hub.broadcast(channel, msg, `task:${task.taskId}`);
  }
}

export function deliverReport(
  hub: Pick<LiveHub, 'broadcast'>,
  units: Pick<LiveUnits, 'parentOf'>,
  report: ReportChanged,
): void {
  const asOf = new Date().toISOString();
  for (const unit of unitAndParent(units, report.unitCode)) {
    const channel = `unit:${unit}`;
    const msg: WsServerMessage = { type: 'report', channel, asOf, report };
    hub.broadcast(channel, msg, `report:${report.periodId}`);
  }
}

/** A citizen report's change; a transfer's also reaches the unit it left (its queue drops it). */
export function deliverCitizen(
  hub: Pick<LiveHub, 'broadcast'>,
  units: Pick<LiveUnits, 'parentOf'>,
  citizen: CitizenChanged,
  fromUnitCode?: string,
): void {
  const asOf = new Date().toISOString();
  const targets = new Set(unitAndParent(units, citizen.unitCode));
  if (fromUnitCode !== undefined)
    for (const u of unitAndParent(units, fromUnitCode)) targets.add(u);
  for (const unit of targets) {
    const channel = `unit:${unit}`;
    const msg: WsServerMessage = { type: 'citizen', channel, asOf, citizen };
    hub.broadcast(channel, msg, `citizen:${citizen.caseId}`);
  }
}
