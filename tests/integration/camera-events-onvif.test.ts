/**
 * AI events from an ONVIF pull-point (issue 15.3c) over a running platform: an `onvif` source
 * maps a camera's ONVIF address to a registered camera; the platform logs in with the camera's
 * stored (write-only) credential, subscribes, pulls, and a line crossing becomes ONE stored
 * event even when the camera hands the same message out twice; a malformed message is
 * dead-lettered with its reason; stopping the platform unsubscribes. The camera is a SOAP
 * stand-in (tests/support/onvif-camera.ts) answering the `onvif` package's real requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraEventListResponse } from '@ioc/contracts';
import { callApi } from '../support/http';
import { startOnvifCamera, type OnvifCameraStandIn } from '../support/onvif-camera';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const WARD = '20275'; // An Hải, Đà Nẵng
const LOGIN = { username: 'ioc-events', password: 'Cam3ra-Pw-7f2d' };

const message = (topic: string, at: string | null, rule: string, data: string) =>
  `<wsnt:NotificationMessage><wsnt:Topic Dialect="http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet">${topic}</wsnt:Topic><wsnt:Message><tt:Message${at ? ` UtcTime="${at}"` : ''} PropertyOperation="Changed"><tt:Source><tt:SimpleItem Name="VideoSourceConfigurationToken" Value="VideoSourceToken"/><tt:SimpleItem Name="Rule" Value="${rule}"/></tt:Source><tt:Key/><tt:Data>${data}</tt:Data></tt:Message></wsnt:Message></wsnt:NotificationMessage>`;

const waitFor = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
};

describe('camera events from an ONVIF pull-point (embedded)', () => {
  let platform: TestPlatform;
  let camera: OnvifCameraStandIn;
  let key = '';
  // A second camera whose stored password is not the one it accepts.
  let wrong: OnvifCameraStandIn;
  const admin = (method: string, path: string, body?: unknown) =>
    callApi(platform.httpUrl, method, path, platform.adminToken, body);
  const events = async () =>
    cameraEventListResponse.parse(
      (await admin('GET', '/api/v1/camera-events?camera=tq-onvif-1')).body,
    ).items;
  const deadLetters = async () =>
    (
      await platform.ctx.pool.query<{ reason: string; detail: string }>(
        'SELECT reason, detail FROM dead_letter WHERE source = $1 ORDER BY id',
        [`onvif:onvif-tq/${key}`],
      )
    ).rows;
  const pulls = () => camera.requests.filter((r) => r.action === 'PullMessages').length;

  beforeAll(async () => {
    camera = await startOnvifCamera(LOGIN);
    wrong = await startOnvifCamera({ ...LOGIN, password: 'changed-on-the-camera' });
    key = `127.0.0.1:${camera.port}`;
    platform = await startTestPlatform();
    const unit = (await admin('GET', `/api/v1/units/${WARD}`)).body as { label: [number, number] };
    const cam = await admin('POST', '/api/v1/cameras', {
      id: 'tq-onvif-1',
      name: 'Cổng Thọ Quang (ONVIF)',
      kind: 'port',
      lon: unit.label[0],
      lat: unit.label[1],
      unitCode: WARD,
      hlsPath: 'tq-onvif-1',
      credentials: LOGIN,
    });
    expect(cam.status, cam.text).toBe(201);
    expect(cam.text).not.toContain(LOGIN.password);
    const cam2 = await admin('POST', '/api/v1/cameras', {
      id: 'tq-onvif-2',
      name: 'Bãi xe Thọ Quang (ONVIF)',
      kind: 'port',
      lon: unit.label[0],
      lat: unit.label[1],
      unitCode: WARD,
      hlsPath: 'tq-onvif-2',
      credentials: LOGIN,
    });
    expect(cam2.status, cam2.text).toBe(201);
    const src = await admin('POST', '/api/v1/camera-event-sources', {
      id: 'onvif-tq',
      name: 'ONVIF Thọ Quang',
      kind: 'onvif',
      cameras: { [key]: 'tq-onvif-1', [`127.0.0.1:${wrong.port}`]: 'tq-onvif-2' },
    });
    expect(src.status, src.text).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await platform.dispose();
    await camera.close();
    await wrong.close();
  });

  it('subscribes with the camera’s stored credential (WS-Security digest), then pulls', async () => {
    await waitFor(
      () => Promise.resolve(pulls()),
      (n) => n >= 2,
    );
    const actions = camera.requests.map((r) => r.action);
    console.log(`ONVIF stand-in saw: ${[...new Set(actions)].join(', ')}`);
    expect(actions.slice(0, 3)).toEqual([
      'GetSystemDateAndTime',
      'GetCapabilities',
      'CreatePullPointSubscription',
    ]);
    expect(actions).toContain('PullMessages');
    // Every request after the clock read carried the stored login's digest, and it matched.
    expect(camera.requests.slice(1).every((r) => r.authorized === true)).toBe(true);
  });

  it('a camera that refuses the stored login is retried with backoff, never subscribed', async () => {
    const tries = () => wrong.requests.filter((r) => r.action === 'GetSystemDateAndTime').length;
    await waitFor(
      () => Promise.resolve(tries()),
      (n) => n >= 2,
    );
    expect(tries()).toBeGreaterThanOrEqual(2);
    expect(wrong.requests.slice(1).every((r) => r.authorized !== true)).toBe(true);
    expect(wrong.requests.map((r) => r.action)).not.toContain('CreatePullPointSubscription');
  });

  it('a line crossing is one stored event, even pulled twice', async () => {
    const at = new Date(Date.now() - 3000).toISOString();
    const crossing = message(
      'tns1:RuleEngine/LineDetector/Crossed',
      at,
      'GateLine1',
      '<tt:SimpleItem Name="ObjectId" Value="42"/>',
    );
    camera.queue.push(crossing);
    const first = await waitFor(events, (e) => e.length > 0);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      sourceId: 'onvif-tq',
      cameraId: 'tq-onvif-1',
      unitCode: WARD,
      type: 'intrusion',
      zone: 'GateLine1',
      time: at,
    });
    // The camera hands the same message out again (a retried pull): still one event.
    const before = pulls();
    camera.queue.push(crossing);
    await waitFor(
      () => Promise.resolve(pulls()),
      (n) => n >= before + 2 && camera.queue.length === 0,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(await events()).toHaveLength(1);
  });

  it('a malformed message is dead-lettered with its reason; the pulling goes on', async () => {
    camera.queue.push(
      message(
        'tns1:RuleEngine/FieldDetector/ObjectsInside',
        null,
        'Yard',
        '<tt:SimpleItem Name="IsInside" Value="true"/>',
      ),
    );
    const dead = await waitFor(deadLetters, (d) => d.length > 0);
    expect(dead[0]?.reason).toBe('bad_onvif_message');
    expect(dead[0]?.detail).toMatch(/no UtcTime/);
    const at = new Date(Date.now() - 1000).toISOString();
    camera.queue.push(
      message(
        'tns1:RuleEngine/FieldDetector/ObjectsInside',
        at,
        'Yard',
        '<tt:SimpleItem Name="IsInside" Value="true"/>',
      ),
    );
    const after = await waitFor(events, (e) => e.length >= 2);
    expect(after.map((e) => e.type).sort()).toEqual(['intrusion', 'intrusion']);
    expect(after.find((e) => e.zone === 'Yard')).toBeDefined();
  });

  it('stopping the platform unsubscribes from the camera', async () => {
    await platform.dispose();
    expect(camera.requests.at(-1)?.action).toBe('Unsubscribe');
    // dispose() again in afterAll must be harmless: a fresh platform is not needed.
    platform = { ...platform, dispose: () => Promise.resolve() };
  });
});
