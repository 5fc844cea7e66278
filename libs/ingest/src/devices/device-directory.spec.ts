import { describe, expect, it } from 'vitest';
import { IngestUnavailableError } from '../writer/backpressure.error';
import { hashToken } from './credentials';
import { DeviceDirectory } from './device-directory';
import type { DeviceRecord, DeviceRepository } from './device.repository';

function device(id: string, token: string): DeviceRecord {
  return {
    id,
    kind: 'air_quality',
    unitCode: null,
    lon: null,
    lat: null,
    mobile: false,
    gatewayId: null,
    devEui: null,
    profile: {},
    expectedIntervalS: 300,
    tokenHash: hashToken(token),
    lastSeen: null,
    name: null,
    positionAt: null,
  };
}

function fakeRepo(initial: DeviceRecord[]) {
  const state = { down: false, devices: new Map(initial.map((d) => [d.id, d])), queries: 0 };
  const fail = () =>
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  const repo = {
    get: (id: string) => {
      state.queries++;
      return state.down ? Promise.reject(fail()) : Promise.resolve(state.devices.get(id) ?? null);
    },
    getByTokenHash: (hash: string) => {
      state.queries++;
      if (state.down) return Promise.reject(fail());
      return Promise.resolve([...state.devices.values()].find((d) => d.tokenHash === hash) ?? null);
    },
    list: () =>
      state.down ? Promise.reject(fail()) : Promise.resolve([...state.devices.values()]),
  };
  return { repo: repo as unknown as DeviceRepository, state };
}

describe('DeviceDirectory', () => {
  it('checks credentials against the store every time, so a rotation elsewhere applies at once', async () => {
    const { repo, state } = fakeRepo([device('aq-1', 'old')]);
    const dir = new DeviceDirectory(repo);
    expect(await dir.get('aq-1')).not.toBeNull(); // cached for the hot path
    expect(await dir.authenticate('aq-1', 'old')).not.toBeNull();
    expect(await dir.byToken('old')).not.toBeNull();
    // Another process (the CLI) rotates the token.
    state.devices.set('aq-1', device('aq-1', 'new'));
    expect(await dir.authenticate('aq-1', 'old')).toBeNull();
    expect(await dir.byToken('old')).toBeNull();
    expect(await dir.authenticate('aq-1', 'new')).not.toBeNull();
    expect((await dir.byToken('new'))?.id).toBe('aq-1');
  });

  it('serves known devices while the database is down and refuses unknown ones with 503 semantics', async () => {
    const { repo, state } = fakeRepo([device('aq-1', 't1')]);
    const dir = new DeviceDirectory(repo, 0, 0); // every lookup goes to the store
    await dir.get('aq-1');
    await dir.byToken('t1');
    state.down = true;
    expect((await dir.get('aq-1'))?.id).toBe('aq-1');
    expect((await dir.byToken('t1'))?.id).toBe('aq-1');
    expect(await dir.authenticate('aq-1', 't1')).not.toBeNull();
    await expect(dir.get('aq-2')).rejects.toBeInstanceOf(IngestUnavailableError);
    await expect(dir.byToken('t2')).rejects.toBeInstanceOf(IngestUnavailableError);
  });

  it('answers a burst of lookups for an uncached device with one query', async () => {
    const { repo, state } = fakeRepo([device('aq-1', 't')]);
    const dir = new DeviceDirectory(repo);
    const found = await Promise.all(Array.from({ length: 1000 }, () => dir.get('aq-1')));
    expect(found.every((d) => d?.id === 'aq-1')).toBe(true);
    expect(state.queries).toBe(1);
  });
});
