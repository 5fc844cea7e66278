import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WsServerMessage } from '@ioc/contracts';
import { accessFakes, type AccessFakes } from './testing/access-fakes';
import { channelPolicy, WS_CLOSE_UNAUTHORIZED, WsAccess, type WsPeer } from './ws-access';

/** A socket that records what the server sent it and whether it was closed. */
function peer() {
  const p = {
    sent: [] as WsServerMessage[],
    closed: undefined as { code: number; reason: string } | undefined,
    send: (m: WsServerMessage) => {
      p.sent.push(m);
    },
    close: (code: number, reason: string) => {
      p.closed = { code, reason };
    },
  };
  return p satisfies WsPeer;
}

const upgrade = (url: string) =>
  ({ url, socket: { remoteAddress: '10.1.2.3' } }) as unknown as IncomingMessage;

let fakes: AccessFakes;
let access: WsAccess | undefined;
/** The one place WsAccess is constructed (its constructor may change: fix it here). */
function enforcing(): WsAccess {
  fakes = accessFakes();
  const ws = new WsAccess(fakes.auth, fakes.gate);
  access = ws;
  return ws;
}
afterEach(() => {
  access?.stop();
  access = undefined;
  vi.useRealTimers();
});

describe('channelPolicy', () => {
  it('knows the unit, alert and layer channels and the unit each is about', () => {
    expect(channelPolicy('unit:48')?.unit).toBe('48');
    expect(channelPolicy('unit:20194')?.unit).toBe('20194');
    expect(channelPolicy('alerts:20194')?.unit).toBe('20194');
    expect(channelPolicy('alerts')).toMatchObject({ policy: { name: 'alerts' }, unit: null });
    expect(channelPolicy('layer:devices')).toMatchObject({ policy: { name: 'layer' }, unit: null });
  });

  it('has no policy for a channel of another shape', () => {
    for (const c of ['unit:4', 'unit:123', 'unit:48 ', 'alerts:', 'layer:Devices', 'metrics'])
      expect(channelPolicy(c)).toBeNull();
  });
});

describe('WsClientAuth', () => {
  it('authenticates a wall by its display token in the URL', async () => {
    const p = peer();
    const c = enforcing().connect(p, upgrade('/ws?token=iocd_wall'));
    await c.start();
    expect(p.sent).toEqual([
      { type: 'authenticated', kind: 'display', displayName: 'wall', units: ['48'] },
    ]);
    expect(p.closed).toBeUndefined();
  });

  it('refuses a session token in the URL (it would end up in logs) and closes with 4401', async () => {
    const p = peer();
    const c = enforcing().connect(p, upgrade('/ws?token=iocs_admin'));
    await c.start();
    expect(c.principal).toBeNull();
    expect(p.closed).toEqual({ code: WS_CLOSE_UNAUTHORIZED, reason: 'AUTH_INVALID_TOKEN' });
  });

  it('takes a session in the first message, and serves nothing before it', async () => {
    const p = peer();
    const c = enforcing().connect(p, upgrade('/ws'));
    expect(await c.authenticate('iocs_ward')).toBe(true);
    expect(p.sent.at(-1)).toEqual({
      type: 'authenticated',
      kind: 'user',
      displayName: 'ward_operator',
      units: ['20194'],
    });
    expect(c.admits()).toBe(true);

    const early = peer();
    const d = enforcing().connect(early, upgrade('/ws'));
    expect(d.admits()).toBe(false);
    expect(early.closed).toEqual({ code: WS_CLOSE_UNAUTHORIZED, reason: 'AUTH_REQUIRED' });
  });

  it('closes a connection that never authenticates within ten seconds', () => {
    vi.useFakeTimers();
    const p = peer();
    enforcing().connect(p, upgrade('/ws'));
    vi.advanceTimersByTime(9_999);
    expect(p.closed).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(p.closed).toEqual({ code: WS_CLOSE_UNAUTHORIZED, reason: 'AUTH_REQUIRED' });
    expect(p.sent).toEqual([
      { type: 'error', code: 'AUTH_REQUIRED', message: 'No auth message received in time' },
    ]);
  });

  it('keeps an authenticated connection past the deadline', async () => {
    vi.useFakeTimers();
    const p = peer();
    const c = enforcing().connect(p, upgrade('/ws'));
    await c.authenticate('iocs_ward');
    vi.advanceTimersByTime(60_000);
    expect(p.closed).toBeUndefined();
  });

  it('allows the channels of its scope and refuses (and audits) the rest', async () => {
    const c = enforcing().connect(peer(), upgrade('/ws'));
    await c.authenticate('iocs_ward');
    expect(await c.channelRefusal('unit:20194')).toBeNull();
    expect(await c.channelRefusal('alerts:20194')).toBeNull();
    expect(await c.channelRefusal('unit:48')).toMatchObject({ code: 'FORBIDDEN_SCOPE' });
    // Whole-platform channels: only principals that read everything.
    expect(await c.channelRefusal('alerts')).toMatchObject({ code: 'FORBIDDEN_SCOPE' });
    expect(await c.channelRefusal('layer:devices')).toMatchObject({ code: 'FORBIDDEN_SCOPE' });
    expect(
      fakes.audits.map((a) => [a.event.targetKind, a.event.targetId, a.event.unitCode]),
    ).toEqual([
      ['ws_channel', 'unit:48', '48'],
      ['ws_channel', 'alerts', null],
      ['ws_channel', 'layer:devices', null],
    ]);
    expect(fakes.audits[0]?.who).toMatchObject({ actor: 'ward_operator', ip: '10.1.2.3' });
  });

  it('lets a province role read its wards and the whole-platform channels', async () => {
    const c = enforcing().connect(peer(), upgrade('/ws'));
    await c.authenticate('iocs_province');
    expect(await c.channelRefusal('unit:20200')).toBeNull();
    expect(await c.channelRefusal('alerts')).toBeNull();
    expect(await c.channelRefusal('unit:26734')).toMatchObject({ code: 'FORBIDDEN_SCOPE' });
  });

  it('refuses a channel without a policy, even to an administrator', async () => {
    const c = enforcing().connect(peer(), upgrade('/ws'));
    await c.authenticate('iocs_admin');
    expect(await c.channelRefusal('metrics')).toMatchObject({ code: 'WS_CHANNEL_POLICY_MISSING' });
    expect(await c.channelRefusal('unit:26734')).toBeNull();
  });
});

describe('WsAccess.sweep', () => {
  it('closes the connections whose token was revoked, and only those', async () => {
    const ws = enforcing();
    const ward = peer();
    const wall = peer();
    await ws.connect(ward, upgrade('/ws')).authenticate('iocs_ward');
    await ws.connect(wall, upgrade('/ws?token=iocd_wall')).start();
    fakes.principals.delete('iocs_ward');
    expect(await ws.sweep()).toBe(1);
    expect(ward.closed).toEqual({ code: WS_CLOSE_UNAUTHORIZED, reason: 'AUTH_EXPIRED' });
    expect(wall.closed).toBeUndefined();
    // A closed connection is no longer tracked: the next sweep has nothing to close.
    expect(await ws.sweep()).toBe(0);
  });
});
