/**
 * Issue 3, identity: per-device and per-gateway tokens, issued and rotated with the `ioc` CLI
 * (`gateways add`, `devices add --gateway`, `devices rotate`). After a rotation — done by the
 * CLI, another process — the old token fails and the new one works at once, over HTTP and on
 * the embedded broker (Aedes + PGlite, the CLI reaching the running platform's database).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, insertUnit, runIoc, tokenFrom } from '../support/ingest';
import { connectDevice } from '../support/mqtt';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { waitFor } from '../support/wait';

const UNIT = '99002';

describe('token rotation (embedded: Aedes + PGlite)', () => {
  let platform: TestPlatform;
  const tokens = { device: '', gateway: '' };
  const cli = (args: string[]) => runIoc(args, { DATA_DIR: platform.dataDir });

  beforeAll(async () => {
    platform = await startTestPlatform({
      SEED_DEMO: 'false',
      INGEST_RATE_PER_SECOND: '100000',
      INGEST_RATE_BURST: '100000',
    });
    await insertUnit(platform.ctx.pool, UNIT);
    const gw = await cli(['gateways', 'add', '--id', 'tok-gw', '--unit', UNIT]);
    expect(gw.code, gw.stderr).toBe(0);
    expect(gw.stdout).toMatch(/gateway tok-gw registered/);
    const dev = await cli([
      'devices',
      'add',
      '--id',
      'tok-aq',
      '--kind',
      'air_quality',
      '--unit',
      UNIT,
      '--gateway',
      'tok-gw',
    ]);
    expect(dev.code, dev.stderr).toBe(0);
    tokens.gateway = tokenFrom(gw.stdout);
    tokens.device = tokenFrom(dev.stdout);
    const kinds = await platform.ctx.pool.query<{
      id: string;
      kind: string;
      gateway_id: string | null;
    }>("SELECT id, kind, gateway_id FROM device WHERE id LIKE 'tok-%' ORDER BY id");
    expect(kinds.rows).toEqual([
      { id: 'tok-aq', kind: 'air_quality', gateway_id: 'tok-gw' },
      { id: 'tok-gw', kind: 'gateway', gateway_id: null },
    ]);
    // Gateways are registered through the registration service: audited like devices.
    const audited = await platform.ctx.pool.query<{ target_id: string; actor: string }>(
      "SELECT target_id, actor FROM audit_log WHERE action = 'device.register' AND target_id LIKE 'tok-%' ORDER BY target_id",
    );
    expect(audited.rows.map((r) => r.target_id)).toEqual(['tok-aq', 'tok-gw']);
    expect(audited.rows.every((r) => r.actor.startsWith('cli:'))).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await platform.dispose();
  });

  const http = (token: string, body: unknown) =>
    fetch(`${platform.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.status);
  const mqttWorks = async (user: string, token: string): Promise<boolean> => {
    try {
      const c = await connectDevice(platform.mqttUrl, user, token);
      await c.endAsync();
      return true;
    } catch {
      return false;
    }
  };

  for (const who of ['device', 'gateway'] as const) {
    it(`rotates a ${who} token: the old one fails at once, the new one works (HTTP and MQTT)`, async () => {
      const id = who === 'device' ? 'tok-aq' : 'tok-gw';
      const body = (value: number) =>
        who === 'device'
          ? { values: { pm25: value } }
          : { 'tok-aq': [{ ts: Date.now() - 1000, values: { pm25: value } }] };
      // Each case its own mark: the gateway's batch names the same device as the device case.
      const mark = who === 'device' ? 4 : 14;
      const old = tokens[who];
      // In use before the rotation: cached by the running platform.
      expect(await http(old, body(1))).toBe(202);
      expect(await mqttWorks(id, old)).toBe(true);

      const r = await cli(['devices', 'rotate', '--id', id]);
      expect(r.code, r.stderr).toBe(0);
      const fresh = tokenFrom(r.stdout);
      expect(fresh).not.toBe(old);

      expect(await http(old, body(2))).toBe(401);
      expect(await mqttWorks(id, old)).toBe(false);
      expect(await http(fresh, body(3))).toBe(202);
      const c = await connectDevice(platform.mqttUrl, id, fresh);
      const topic = who === 'device' ? `ioc/v1/telemetry/${id}` : `ioc/v1/gateway/${id}/telemetry`;
      await c.publishAsync(topic, JSON.stringify(body(mark)), { qos: 1 });
      await c.endAsync();
      await waitFor(
        async () =>
          (await count(
            platform.ctx.pool,
            "SELECT count(*)::int AS n FROM reading WHERE device_id = 'tok-aq' AND value = $1",
            [mark],
          )) === 1
            ? true
            : undefined,
        10_000,
        'the reading published with the new token',
      );
      expect(
        await count(
          platform.ctx.pool,
          "SELECT count(*)::int AS n FROM reading WHERE device_id = 'tok-aq' AND value = 2",
        ),
      ).toBe(0);
      tokens[who] = fresh;
    });
  }
});
