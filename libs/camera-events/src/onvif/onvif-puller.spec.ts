import { describe, expect, it, vi } from 'vitest';
import type { OnvifConnector, OnvifSubscription } from '../ports';
import type { EventSourceRecord } from '../repo/source.repository';
import type { CameraEventIntake } from '../services/event-intake.service';
import { fixture } from '../testing-fixtures';
import { onvifAddress } from './onvif-address';
import { OnvifPuller } from './onvif-puller';

const source = (over: Partial<EventSourceRecord> = {}): EventSourceRecord => ({
  id: 'onvif-tq',
  name: 'ONVIF Thọ Quang',
  kind: 'onvif',
  cameras: { '10.20.1.21:8080': 'tq-cong-1' },
  baseUrl: null,
  mqttTopic: null,
  enabled: true,
  secretHash: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...over,
});
const EMPTY =
  '<Envelope><Body><PullMessagesResponse><CurrentTime>2026-12-07T08:15:31Z</CurrentTime></PullMessagesResponse></Body></Envelope>';
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

/** A connector whose first `failures` subscriptions fail, then pulls the queued bodies. */
function fakeConnector(failures: number, bodies: string[]) {
  const calls: string[] = [];
  let fails = failures;
  const connector: OnvifConnector = {
    subscribe(address, login) {
      calls.push(`subscribe ${address.host}:${address.port}${address.path} ${login?.username}`);
      if (fails-- > 0) return Promise.reject(new Error('ECONNREFUSED'));
      const sub: OnvifSubscription = {
        async pull() {
          calls.push('pull');
          await new Promise((r) => setTimeout(r, 2));
          return bodies.shift() ?? EMPTY;
        },
        renew() {
          calls.push('renew');
          return Promise.resolve();
        },
        close() {
          calls.push('close');
          return Promise.resolve();
        },
      };
      return Promise.resolve(sub);
    },
  };
  return { connector, calls };
}

describe('OnvifPuller', () => {
  it('logs in with the camera’s stored login, retries with backoff, renews, hands pulls to the intake, closes on stop', async () => {
    const body = fixture('onvif-line-crossed.xml').toString();
    const { connector, calls } = fakeConnector(2, [body]);
    const take = vi.fn(() => Promise.resolve({ accepted: [], rejected: [] }));
    const login = vi.fn(() => Promise.resolve({ username: 'onvif-user', password: 'pw' }));
    const warn = vi.fn();
    const puller = new OnvifPuller({
      sources: () => Promise.resolve([source()]),
      logins: { login },
      connector,
      intake: { take } as unknown as CameraEventIntake,
      renewMs: 20,
      backoffMs: 5,
      warn,
    });
    await puller.start();
    await until(() => calls.includes('renew') && take.mock.calls.length > 0);
    await puller.stop();
    expect(login).toHaveBeenCalledWith('tq-cong-1');
    expect(calls.slice(0, 3)).toEqual(
      Array(3).fill('subscribe 10.20.1.21:8080/onvif/device_service onvif-user'),
    );
    expect(warn.mock.calls[0]?.[0]).toMatch(/ECONNREFUSED; retrying in 5 ms/);
    expect(warn.mock.calls[1]?.[0]).toMatch(/retrying in 10 ms/);
    const [src, outcomes, raw, route] = take.mock.calls[0] as unknown as [
      EventSourceRecord,
      { type: string; cameraKeys: string[] }[],
      string,
      string,
    ];
    expect(src.id).toBe('onvif-tq');
    expect(outcomes[0]).toMatchObject({ type: 'intrusion', cameraKeys: ['10.20.1.21:8080'] });
    expect(raw).toBe(body);
    expect(route).toBe('onvif:onvif-tq/10.20.1.21:8080');
    expect(calls.at(-1)).toBe('close');
  });

  it('re-reads the sources: a disabled source stops being pulled, a non-address key is never pulled', async () => {
    let current = [source({ cameras: { '10.0.0.5': 'a', 'not an address': 'b' } })];
    const { connector, calls } = fakeConnector(0, []);
    const warn = vi.fn();
    const puller = new OnvifPuller({
      sources: () => Promise.resolve(current),
      logins: { login: () => Promise.resolve(null) },
      connector,
      intake: { take: () => Promise.resolve() } as unknown as CameraEventIntake,
      warn,
    });
    await puller.start();
    await until(() => calls.includes('pull'));
    expect(calls[0]).toBe('subscribe 10.0.0.5:80/onvif/device_service undefined');
    expect(warn.mock.calls.some(([m]) => /not an ONVIF address/.test(String(m)))).toBe(true);
    current = [source({ enabled: false, updatedAt: new Date(1) })];
    await puller.refresh();
    expect(puller.active()).toEqual([]);
    expect(calls.at(-1)).toBe('close');
    await puller.stop();
  });
});

describe('onvifAddress', () => {
  it('reads host, host:port and a device-service URL; refuses https and credentials in the key', () => {
    expect(onvifAddress('10.0.0.5')).toEqual({
      host: '10.0.0.5',
      port: 80,
      path: '/onvif/device_service',
    });
    expect(onvifAddress('http://cam.local:8000/onvif/device_service')).toEqual({
      host: 'cam.local',
      port: 8000,
      path: '/onvif/device_service',
    });
    expect(onvifAddress('https://10.0.0.5')).toBeNull();
    expect(onvifAddress('http://admin:x@10.0.0.5')).toBeNull();
  });
});
