import { describe, expect, it } from 'vitest';
import {
  wsServerMessageSchema,
  type CitizenChanged,
  type ReportChanged,
  type TaskChanged,
  type WsServerMessage,
} from '@ioc/contracts';
import { LiveHub, type LiveSocket } from '../hub/live-hub';
import { deliverCitizen, deliverReport, deliverTask } from './work-push';

function socket(): LiveSocket & { sent: WsServerMessage[] } {
  const sent: WsServerMessage[] = [];
  return {
    bufferedAmount: 0,
    readyState: 1,
    sent,
    send(data: string | Buffer) {
      sent.push(wsServerMessageSchema.parse(JSON.parse(data.toString())));
    },
  };
}

const units = { parentOf: (u: string) => (u.length === 5 ? '48' : null) };

function subscribed(hub: LiveHub, channel: string): LiveSocket & { sent: WsServerMessage[] } {
  const s = socket();
  hub.add(s);
  hub.subscribe(s, [channel]);
  return s;
}

describe('task and report pushes', () => {
  const task: TaskChanged = {
    taskId: '17',
    code: 'DN-57-017',
    leadUnitCode: '20314',
    status: 'overdue',
    progress: 40,
    updatedAt: '2026-11-16T01:00:00.000Z',
  };
  const report: ReportChanged = {
    periodId: '5',
    unitCode: '20314',
    officeId: '20314.vh-xh',
    period: '2026-10',
    state: 'submitted',
    late: false,
  };

  it('reach the unit and its parent, not another ward', () => {
    const hub = new LiveHub();
    const ward = subscribed(hub, 'unit:20314');
    const province = subscribed(hub, 'unit:48');
    const other = subscribed(hub, 'unit:20305');
    deliverTask(hub, units, task);
    deliverReport(hub, units, report);
    expect(ward.sent).toEqual([
      expect.objectContaining({ type: 'task', channel: 'unit:20314', task }),
      expect.objectContaining({ type: 'report', channel: 'unit:20314', report }),
    ]);
    expect(province.sent.map((m) => [m.type, 'channel' in m ? m.channel : null])).toEqual([
      ['task', 'unit:48'],
      ['report', 'unit:48'],
    ]);
    expect(other.sent).toEqual([]);
  });

  it('of a province-led task go to the province channel only', () => {
    const hub = new LiveHub();
    const province = subscribed(hub, 'unit:48');
    deliverTask(hub, units, { ...task, leadUnitCode: '48' });
    expect(province.sent).toHaveLength(1);
  });

  it('of a citizen report reach its ward and the province, keyed per case', () => {
    const hub = new LiveHub();
    const ward = subscribed(hub, 'unit:20314');
    const province = subscribed(hub, 'unit:48');
    const other = subscribed(hub, 'unit:20305');
    const citizen: CitizenChanged = {
      caseId: '6f1c2d8e-0000-4000-8000-000000000001',
      code: 'PA7K3M9QX2RT',
      unitCode: '20314',
      status: 'assigned',
      overdue: false,
      moderation: 'ok',
      updatedAt: '2026-11-16T01:00:00.000Z',
      lat: 16.0312,
      lon: 108.2231,
    };
    deliverCitizen(hub, units, citizen);
    expect(ward.sent).toEqual([
      expect.objectContaining({ type: 'citizen', channel: 'unit:20314', citizen }),
    ]);
    expect(province.sent).toEqual([
      expect.objectContaining({ type: 'citizen', channel: 'unit:48', citizen }),
    ]);
    expect(other.sent).toEqual([]);
  });

  it('of a transferred citizen report also reach the ward it left', () => {
    const hub = new LiveHub();
    const from = subscribed(hub, 'unit:20305');
    const to = subscribed(hub, 'unit:20314');
    const province = subscribed(hub, 'unit:48');
    deliverCitizen(
      hub,
      units,
      {
        caseId: 'c2',
        code: 'PA0000000002',
        unitCode: '20314',
        status: 'received',
        overdue: false,
        moderation: 'ok',
        updatedAt: '2026-11-16T01:00:00.000Z',
        lat: 16.03,
        lon: 108.22,
      },
      '20305',
    );
    expect([from.sent.length, to.sent.length, province.sent.length]).toEqual([1, 1, 1]);
  });
});
