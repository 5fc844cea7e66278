import { describe, expect, it } from 'vitest';
import { wsClientMessageSchema, wsServerMessageSchema } from './ws';

describe('WebSocket message schemas', () => {
  it('reads what clients send and refuses the rest', () => {
    expect(wsClientMessageSchema.parse({ type: 'subscribe', channels: ['unit:48'] })).toEqual({
      type: 'subscribe',
      channels: ['unit:48'],
    });
    expect(wsClientMessageSchema.safeParse({ type: 'auth', token: '' }).success).toBe(false);
    expect(wsClientMessageSchema.safeParse({ type: 'shout' }).success).toBe(false);
  });

  it('reads what the server pushes', () => {
    const readings = {
      type: 'readings',
      channel: 'unit:20314',
      asOf: '2026-03-01T07:00:00.000Z',
      deltas: [
        {
          deviceId: 'aq-1',
          unitCode: '20314',
          time: '2026-03-01T07:00:00.000Z',
          values: { pm25: 41.2 },
        },
      ],
    };
    expect(wsServerMessageSchema.parse(readings)).toEqual(readings);
    const wall = {
      type: 'wall',
      channel: 'unit:48',
      asOf: '2026-03-01T07:00:00.000Z',
      wall: { unitCode: '48', updatedAt: null },
    };
    expect(wsServerMessageSchema.parse(wall)).toEqual(wall);
  });

  it('reads a citizen report change, and refuses one without its position', () => {
    const citizen = {
      type: 'citizen',
      channel: 'unit:20314',
      asOf: '2026-03-01T07:00:00.000Z',
      citizen: {
        caseId: '9b1f4a52-8c1e-4d55-9a57-3e0c6f1f2a10',
        code: 'PA7K3M9QX2RT',
        unitCode: '20314',
        status: 'assigned',
        overdue: false,
        moderation: 'ok',
        updatedAt: '2026-03-01T07:00:00.000Z',
        lat: 16.0544,
        lon: 108.2022,
      },
    };
    expect(wsServerMessageSchema.parse(citizen)).toEqual(citizen);
    const { lat: _lat, ...noLat } = citizen.citizen;
    expect(wsServerMessageSchema.safeParse({ ...citizen, citizen: noLat }).success).toBe(false);
  });
});
