/**
 * AI-camera events over a running platform (issue 15.3 acceptance): a recorded Hikvision ANPR
 * notification (XML in a multipart form with its pictures, and JSON), a Frigate event over a
 * real Mosquitto (1883) and a generic webhook each become ONE stored event (retries and
 * Frigate's update/end included) and, with a rule, a live alert carrying its snapshot within
 * 2 s of the post; malformed deliveries are dead-lettered with their reason; vehicles in/out
 * reach the hourly rollups; secrets and unit scope are enforced.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import {
  cameraEventCountsResponse,
  cameraEventIntakeResponse,
  cameraEventListResponse,
  cameraEventSchema,
  cameraEventSourceIssuedSchema,
  rollupSeriesSchema,
  type WsServerMessage,
} from '@ioc/contracts';
import { callApi } from '../support/http';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { openWs, type TestWsClient } from '../support/ws';
import { testEnv } from '../support/env';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/databases';

const WARD_A = '20275'; // An Hải, Đà Nẵng
const WARD_B = '20314'; // Hải Châu, Đà Nẵng
const FIXTURES = resolve(import.meta.dirname, '../../libs/camera-events/fixtures');
const fixture = (name: string) => readFileSync(resolve(FIXTURES, name));
const JPEG = fixture('snapshot.jpg');
const HIK_SECRET = 'hik-secret-2f9c1a7e55d04b';
const VMS_SECRET = 'vms-secret-8e3b6d2c41a97f';
const tag = Date.now().toString(36);

/** Event times a few seconds ago, so counts fall in the current hours and nothing is stale. */
const recent = () => new Date(Date.now() - 5000);
/**
 * How long a test waits for the alert: a condition, not a speed check (a loaded CI machine must
 * not fail it). The time from delivery to the live alert is printed; the issue's 2 s is read
 * from those lines and from the closing note's runs, not asserted.
 */
const ALERT_WAIT_MS = 15_000;
const latency = (what: string, t0: number) => {
  console.log(`camera event → live alert (${what}): ${Math.round(performance.now() - t0)} ms`);
};
const hikXml = (at: Date) =>
  fixture('hikvision-anpr.xml')
    .toString()
    .replace(/<dateTime>[^<]*<\/dateTime>/, `<dateTime>${at.toISOString()}</dateTime>`);
const hikJson = (at: Date) =>
  JSON.stringify({
    ...JSON.parse(fixture('hikvision-anpr.json').toString()),
    dateTime: at.toISOString(),
  });

function form(parts: { name: string; type: string; data: Buffer }[]) {
  const boundary = `----hik${tag}`;
  const chunks = parts.flatMap((p) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.name}"\r\nContent-Type: ${p.type}\r\n\r\n`,
    ),
    p.data,
    Buffer.from('\r\n'),
  ]);
  return {
    body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

/**
 * The same suite embedded (PGlite, in-process broker) and in services mode on a fresh PostgreSQL
 * database (dedupe, counts and scope are SQL the two may answer differently).
 */
const hasPostgres = await postgresAvailable();
suite('embedded');
if (hasPostgres) suite('postgres');
else
  describe.skip('camera events (PostgreSQL) — skipped: no server', () => {
    it('needs PostgreSQL on TEST_POSTGRES_URL', () => undefined);
  });

function suite(mode: 'embedded' | 'postgres') {
  describe(`camera events (${mode}, Frigate on Mosquitto)`, () => {
    const FRIGATE_TOPIC = `frigate-${tag}-${mode}/events`;
    let db: TestDatabase | null = null;
    let platform: TestPlatform;
    let frigateHttp: Server;
    let frigateUrl = '';
    let ws: TestWsClient;
    let viewerA = '';
    let viewerB = '';
    const snapshotRequests: string[] = [];

    const admin = (method: string, path: string, body?: unknown) =>
      callApi(platform.httpUrl, method, path, platform.adminToken, body);
    const post = (
      path: string,
      body: Buffer | string,
      type: string,
      headers: Record<string, string> = {},
    ) =>
      fetch(`${platform.httpUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': type, ...headers },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      });
    const basic = (secret: string) => `Basic ${Buffer.from(`admin:${secret}`).toString('base64')}`;
    const storedEvents = async (camera: string) =>
      cameraEventListResponse.parse(
        (await admin('GET', `/api/v1/camera-events?camera=${camera}`)).body,
      ).items;
    const deadLetter = async (source: string) => {
      const { rows } = await platform.ctx.pool.query<{
        reason: string;
        detail: string;
        payload: string;
      }>('SELECT reason, detail, payload FROM dead_letter WHERE source = $1 ORDER BY id', [source]);
      return rows;
    };
    const alertFor = (deviceId: string, timeoutMs: number) =>
      ws.next(
        (m: WsServerMessage) =>
          m.type === 'alert' &&
          (m.alert as { deviceId?: string; status?: string }).deviceId === deviceId &&
          (m.alert as { status?: string }).status === 'open',
        timeoutMs,
      ) as Promise<{ alert: { snapshotUrl: string | null; unitCode: string } }>;
    const snapshotOk = async (url: string | null, token: string) => {
      expect(url).toMatch(/^\/api\/v1\//);
      const res = await fetch(`${platform.httpUrl}${url ?? ''}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    };

    beforeAll(async () => {
      // Frigate's HTTP API, outside our control: here it serves the recorded JPEG.
      frigateHttp = createServer((req, res) => {
        snapshotRequests.push(req.url ?? '');
        if (/^\/api\/events\/[^/]+\/snapshot\.jpg$/.test(req.url ?? '')) {
          res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG);
        } else res.writeHead(404).end();
      });
      await new Promise<void>((r) => frigateHttp.listen(0, '127.0.0.1', r));
      const addr = frigateHttp.address();
      frigateUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
      db =
        mode === 'postgres'
          ? await createTestDatabase(testEnv.postgresAdminUrl, 'ioc_events')
          : null;
      platform = await startTestPlatform({
        FRIGATE_MQTT_URL: testEnv.mosquittoUrl,
        ...(db ? { DATABASE_URL: db.url } : {}),
      });
      viewerA = await platform.loginAs('ward_operator', [WARD_A], `ev-a-${tag}`);
      viewerB = await platform.loginAs('ward_operator', [WARD_B], `ev-b-${tag}`);
      const label = async (code: string) =>
        ((await admin('GET', `/api/v1/units/${code}`)).body as { label: [number, number] }).label;
      const [lonA, latA] = await label(WARD_A);
      const [lonB, latB] = await label(WARD_B);
      for (const [id, lon, lat, unitCode] of [
        ['tq-cong-1', lonA, latA, WARD_A],
        ['tq-cong-2', lonA, latA, WARD_A],
        ['tq-gate-north', lonA, latA, WARD_A],
        ['hc-kho-3', lonB, latB, WARD_B],
      ] as const) {
        const r = await admin('POST', '/api/v1/cameras', {
          id,
          name: id,
          kind: 'port',
          lon,
          lat,
          unitCode,
          hlsPath: id,
        });
        expect(r.status, r.text).toBe(201);
      }
      const sources = [
        {
          id: 'hik-tq',
          name: 'NVR cảng Thọ Quang',
          kind: 'hikvision',
          cameras: { 'ip:10.20.1.21': 'tq-cong-1', 'ip:10.20.1.22': 'tq-cong-2' },
          secret: HIK_SECRET,
        },
        {
          id: 'vms-hc',
          name: 'VMS Hải Châu',
          kind: 'generic',
          cameras: { 'kho-lanh-cam-3': 'hc-kho-3' },
          secret: VMS_SECRET,
        },
        {
          id: 'frigate-tq',
          name: 'Frigate Thọ Quang',
          kind: 'frigate',
          cameras: { gate_north: 'tq-gate-north' },
          baseUrl: frigateUrl,
          mqttTopic: FRIGATE_TOPIC,
        },
      ];
      for (const s of sources) {
        const r = await admin('POST', '/api/v1/camera-event-sources', s);
        expect(r.status, r.text).toBe(201);
        const issued = cameraEventSourceIssuedSchema.parse(r.body);
        // A given secret is never echoed; the answer only says one is set.
        expect(r.text).not.toContain(HIK_SECRET);
        expect(r.text).not.toContain(VMS_SECRET);
        expect(issued.secret).toBeNull();
      }
      const list = await admin('GET', '/api/v1/camera-event-sources');
      expect(list.text).not.toMatch(/secret_hash|secretHash|hik-secret|vms-secret/);
      for (const metric of ['camera_anpr', 'camera_vehicle', 'camera_smoke']) {
        const r = await admin('POST', '/api/v1/alert-rules', {
          name: `Sự kiện camera ${metric}`,
          kind: 'threshold',
          params: { metric, comparator: '>=', value: 1 },
          scope: { deviceKinds: ['camera'] },
        });
        expect(r.status, r.text).toBe(201);
      }
      ws = await openWs(platform.httpUrl, '/ws', platform.adminToken);
      ws.send({ type: 'subscribe', channels: ['alerts:48'] });
      await ws.next((m) => m.type === 'subscribed');
    }, 120_000);

    afterAll(async () => {
      ws.close();
      await platform.dispose();
      await new Promise((r) => frigateHttp.close(r));
      await db?.drop();
    });

    it('a Hikvision ANPR notification in XML (multipart, with its pictures) is one event and a live alert with its snapshot', async () => {
      const at = recent();
      const f = form([
        { name: 'anpr.xml', type: 'text/xml', data: Buffer.from(hikXml(at)) },
        { name: 'licensePlatePicture.jpg', type: 'image/jpeg', data: JPEG.subarray(0, 200) },
        { name: 'detectionPicture.jpg', type: 'image/jpeg', data: JPEG },
      ]);
      const t0 = performance.now();
      const res = await post(
        `/api/v1/camera-events/hikvision/hik-tq?token=${HIK_SECRET}`,
        f.body,
        f.type,
      );
      expect(res.status).toBe(200);
      const answer = cameraEventIntakeResponse.parse(await res.json());
      expect(answer.accepted).toEqual([{ id: expect.any(String), duplicate: false }]);
      const { alert } = await alertFor('tq-cong-1', ALERT_WAIT_MS);
      latency('Hikvision XML', t0);
      expect(alert.unitCode).toBe(WARD_A);
      await snapshotOk(alert.snapshotUrl, platform.adminToken);
      // A wall screen of the ward reads it with its display token in the URL, as an <img> does.
      const display = await platform.displayToken(WARD_A);
      const onWall = await fetch(
        `${platform.httpUrl}${alert.snapshotUrl ?? ''}&token=${encodeURIComponent(display)}`,
      );
      expect(onWall.status).toBe(200);
      expect(onWall.headers.get('content-type')).toBe('image/jpeg');
      const otherWall = await platform.displayToken(WARD_B);
      expect(
        (
          await fetch(
            `${platform.httpUrl}${alert.snapshotUrl ?? ''}&token=${encodeURIComponent(otherWall)}`,
          )
        ).status,
      ).toBe(403);
      // Listed over REST too, with the same picture.
      const listed = await admin('GET', '/api/v1/alerts?device=tq-cong-1');
      expect(
        (listed.body as { items: { snapshotUrl: string | null }[] }).items[0]?.snapshotUrl,
      ).toBe(alert.snapshotUrl);
      // A retry, here as the bare XML with the secret as Basic password: the same event.
      const retry = await post(
        '/api/v1/camera-events/hikvision/hik-tq',
        hikXml(at),
        'application/xml',
        {
          authorization: basic(HIK_SECRET),
        },
      );
      expect(cameraEventIntakeResponse.parse(await retry.json()).accepted).toEqual([
        { id: answer.accepted[0]?.id, duplicate: true },
      ]);
      const events = await storedEvents('tq-cong-1');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'anpr',
        label: '43C12345',
        direction: 'in',
        confidence: 0.97,
        unitCode: WARD_A,
      });
      await snapshotOk(events[0]?.snapshotUrl ?? null, viewerA);
    });

    it('the JSON notification (multipart with picture, Basic auth) likewise; reverse counts as out', async () => {
      const f = form([
        { name: 'anpr.json', type: 'application/json', data: Buffer.from(hikJson(recent())) },
        { name: 'detectionPicture.jpg', type: 'image/jpeg', data: JPEG },
      ]);
      const t0 = performance.now();
      const res = await post('/api/v1/camera-events/hikvision/hik-tq', f.body, f.type, {
        authorization: basic(HIK_SECRET),
      });
      expect(res.status).toBe(200);
      const { alert } = await alertFor('tq-cong-2', ALERT_WAIT_MS);
      latency('Hikvision JSON', t0);
      await snapshotOk(alert.snapshotUrl, platform.adminToken);
      const [event] = await storedEvents('tq-cong-2');
      expect(event).toMatchObject({ type: 'anpr', label: '43H01234', direction: 'out' });
    });

    it('a generic webhook event (X-Webhook-Secret, base64 snapshot) is one event and an alert in its ward', async () => {
      const body = {
        ...JSON.parse(fixture('generic-smoke.json').toString()),
        time: recent().toISOString(),
        snapshot: JPEG.toString('base64'),
      };
      const t0 = performance.now();
      const send = () =>
        post('/api/v1/camera-events/webhook/vms-hc', JSON.stringify(body), 'application/json', {
          'x-webhook-secret': VMS_SECRET,
        });
      const res = await send();
      expect(res.status).toBe(200);
      const { alert } = await alertFor('hc-kho-3', ALERT_WAIT_MS);
      latency('generic webhook', t0);
      expect(alert.unitCode).toBe(WARD_B);
      await snapshotOk(alert.snapshotUrl, viewerB);
      expect(
        cameraEventIntakeResponse.parse(await (await send()).json()).accepted[0]?.duplicate,
      ).toBe(true);
      const events = await storedEvents('hc-kho-3');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'smoke', zone: 'Kho lạnh số 3', confidence: 0.87 });
    });

    it('a Frigate event (new, update, end over Mosquitto) is one event, its snapshot fetched from Frigate, and an alert', async () => {
      const start = recent().getTime() / 1000;
      const messages = ['frigate-new.json', 'frigate-update.json', 'frigate-end.json'].map((f) => {
        const m = JSON.parse(fixture(f).toString()) as { after: Record<string, unknown> };
        m.after['start_time'] = start;
        return JSON.stringify(m);
      });
      const client = await mqtt.connectAsync(testEnv.mosquittoUrl, {
        clientId: `frigate-${tag}-${mode}`,
      });
      try {
        const t0 = performance.now();
        for (const m of messages) await client.publishAsync(FRIGATE_TOPIC, m, { qos: 1 });
        const { alert } = await alertFor('tq-gate-north', ALERT_WAIT_MS);
        latency('Frigate', t0);
        const waitSnapshot = async () => {
          for (let i = 0; i < 40; i++) {
            const [e] = await storedEvents('tq-gate-north');
            if (e?.snapshotUrl) return e;
            await new Promise((r) => setTimeout(r, 50));
          }
          throw new Error('no snapshot for the Frigate event');
        };
        const event = await waitSnapshot();
        expect(event).toMatchObject({
          type: 'vehicle',
          label: 'car',
          zone: 'gate_in',
          direction: 'in',
        });
        expect(await storedEvents('tq-gate-north')).toHaveLength(1);
        expect(snapshotRequests).toContain('/api/events/1765070100.512-k3x9qa/snapshot.jpg');
        await snapshotOk(alert.snapshotUrl, platform.adminToken);
        // A malformed message on the topic is dead-lettered; the listener keeps going.
        await client.publishAsync(FRIGATE_TOPIC, '{"type":"new","after":', { qos: 1 });
        for (let i = 0; i < 40 && (await deadLetter(`mqtt:${FRIGATE_TOPIC}`)).length === 0; i++) {
          await new Promise((r) => setTimeout(r, 50));
        }
        expect((await deadLetter(`mqtt:${FRIGATE_TOPIC}`))[0]?.reason).toBe('bad_json');
      } finally {
        await client.endAsync();
      }
    });

    it('dead-letters malformed deliveries with their reason, and keeps the good events of a batch', async () => {
      const bad = await post(
        '/api/v1/camera-events/hikvision/hik-tq',
        '<EventNotificationAlert><eventType>ANPR',
        'application/xml',
        {
          'x-webhook-secret': HIK_SECRET,
        },
      );
      expect(bad.status).toBe(400);
      const body = (await bad.json()) as {
        error: { code: string; details: { issues: { path: string }[] } };
      };
      expect(body.error.code).toBe('CAMERA_EVENT_REJECTED');
      expect(body.error.details.issues[0]?.path).toBe('bad_xml');
      const hikDead = await deadLetter('http:/api/v1/camera-events/hikvision/hik-tq');
      expect(hikDead.map((d) => d.reason)).toContain('bad_xml');
      expect(hikDead.find((d) => d.reason === 'bad_xml')?.payload).toContain(
        'EventNotificationAlert',
      );

      const batch = await post(
        '/api/v1/camera-events/webhook/vms-hc',
        JSON.stringify({
          events: [
            { camera: 'kho-lanh-cam-3', type: 'teleport' },
            { camera: 'unmapped-cam', type: 'fire' },
            { camera: 'kho-lanh-cam-3', type: 'person', eventId: `p-${tag}` },
          ],
        }),
        'application/json',
        { 'x-webhook-secret': VMS_SECRET },
      );
      expect(batch.status).toBe(200);
      const answer = cameraEventIntakeResponse.parse(await batch.json());
      expect(answer.accepted).toHaveLength(1);
      expect(answer.rejected.map((r) => r.reason)).toEqual(['invalid_event', 'unknown_camera']);
      const reasons = (await deadLetter('http:/api/v1/camera-events/webhook/vms-hc')).map(
        (d) => d.reason,
      );
      expect(reasons).toEqual(expect.arrayContaining(['invalid_event', 'unknown_camera']));
    });

    it('refuses a wrong or missing secret (401) and another ward’s events and pictures (403)', async () => {
      const xml = hikXml(recent());
      const attempts: Record<string, string>[] = [
        {},
        { 'x-webhook-secret': 'wrong-secret-0000000000' },
        { authorization: basic('nope') },
      ];
      for (const headers of attempts) {
        expect(
          (await post('/api/v1/camera-events/hikvision/hik-tq', xml, 'application/xml', headers))
            .status,
        ).toBe(401);
      }
      // A right secret for the wrong source, or an unknown source: the same 401.
      expect(
        (
          await post('/api/v1/camera-events/hikvision/vms-hc', xml, 'application/xml', {
            'x-webhook-secret': VMS_SECRET,
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await post('/api/v1/camera-events/webhook/nope', '{}', 'application/json', {
            'x-webhook-secret': VMS_SECRET,
          })
        ).status,
      ).toBe(401);

      const [event] = await storedEvents('tq-cong-1');
      const id = event?.id ?? '';
      const as = (token: string, path: string) =>
        fetch(`${platform.httpUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect((await as(viewerB, `/api/v1/camera-events/${id}`)).status).toBe(403);
      expect((await as(viewerB, `/api/v1/camera-events/${id}/snapshot`)).status).toBe(403);
      expect((await as(viewerB, `/api/v1/camera-events?unit=${WARD_A}`)).status).toBe(403);
      expect(
        (
          await as(
            viewerB,
            `/api/v1/cameras/tq-cong-1/event-snapshot?at=${new Date().toISOString()}`,
          )
        ).status,
      ).toBe(403);
      const own = await as(viewerA, `/api/v1/camera-events/${id}`);
      expect(own.status).toBe(200);
      expect(cameraEventSchema.parse(await own.json()).cameraId).toBe('tq-cong-1');
      // Sources are administrators' business.
      expect((await as(viewerA, '/api/v1/camera-event-sources')).status).toBe(403);
    });

    it('counts vehicles in and out per hour in the rollups and the counts API', async () => {
      const hourAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
      const sum = async (metric: string) => {
        const r = await admin(
          'GET',
          `/api/v1/rollups?unit=${WARD_A}&metric=${metric}&bucket=1h&from=${hourAgo}`,
        );
        expect(r.status, r.text).toBe(200);
        return rollupSeriesSchema.parse(r.body).items.reduce((s, p) => s + p.sum, 0);
      };
      let totals = { in: 0, out: 0, anpr: 0 };
      for (let i = 0; i < 40; i++) {
        totals = {
          in: await sum('vehicles_in'),
          out: await sum('vehicles_out'),
          anpr: await sum('camera_anpr'),
        };
        if (totals.in === 2 && totals.out === 1) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // XML forward (in) + Frigate's gate_in zone (in); JSON reverse (out); two plate reads.
      expect(totals).toEqual({ in: 2, out: 1, anpr: 2 });
      const counts = cameraEventCountsResponse.parse(
        (
          await callApi(
            platform.httpUrl,
            'GET',
            `/api/v1/camera-events/counts?unit=${WARD_A}&hours=3`,
            viewerA,
          )
        ).body,
      );
      const n = (type: string, direction: string | null) =>
        counts.buckets
          .filter((b) => b.type === type && b.direction === direction)
          .reduce((s, b) => s + b.count, 0);
      expect(n('anpr', 'in')).toBe(1);
      expect(n('anpr', 'out')).toBe(1);
      expect(n('vehicle', 'in')).toBe(1);
    });
  });
}
