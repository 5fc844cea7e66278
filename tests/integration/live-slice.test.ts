import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MqttClient } from 'mqtt';
import { postgresAvailable } from '../support/databases';
import { backendFactories, modeTitle, type Backend } from '../support/backends';
import { connectDevice, mosquittoAvailable } from '../support/mqtt';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { testEnv } from '../support/env';
import { waitFor } from '../support/wait';
import { openWs } from '../support/ws';

const hasPostgres = await postgresAvailable();
const hasMosquitto = await mosquittoAvailable();

interface Mode {
  name: string;
  storage: string;
  broker: 'embedded' | 'external';
  needs: boolean;
  backend?: () => Promise<Backend>;
}

const factories = new Map(backendFactories().map((f) => [f.mode, f]));
const modes: Mode[] = [
  { name: 'embedded (PGlite + Aedes)', storage: 'pglite', broker: 'embedded', needs: true },
  {
    name: 'services (PostgreSQL + Mosquitto)',
    storage: 'postgres',
    broker: 'external',
    needs: hasPostgres && hasMosquitto,
    backend: () => factories.get('postgres')!.create(),
  },
];
const ts = factories.get('timescaledb');
if (ts) {
  modes.push({
    name: modeTitle('services (TimescaleDB + Mosquitto)', ts),
    storage: 'timescaledb',
    broker: 'external',
    needs: ts.available && hasMosquitto,
    backend: () => ts.create(),
  });
}

for (const mode of modes) {
  describe.skipIf(!mode.needs)(`live slice — ${mode.name}`, () => {
    let platform: TestPlatform;
    let backend: Backend | undefined;
    let device: MqttClient | undefined;
    const id = `aq-t${Date.now().toString(36)}`;
    let token = '';
    /** The province wall's display token: the live slice is what a wall reads. */
    let wall = '';

    beforeAll(async () => {
      backend = await mode.backend?.();
      platform = await startTestPlatform({
        ...(backend ? { DATABASE_URL: backend.url } : {}),
        ...(mode.broker === 'external' ? { MQTT_URL: testEnv.mosquittoUrl } : {}),
      });
      token = await platform.addDevice({ id, unitCode: '20314' });
      wall = await platform.displayToken('48');
    });

    afterAll(async () => {
      await device?.endAsync();
      await platform.dispose();
      await backend?.dispose();
    });

    it('reports the storage mode and broker in health', async () => {
      const res = await fetch(`${platform.httpUrl}/api/v1/health`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        storage: string;
        broker: string;
        migrationVersion: number;
      };
      expect(body.storage).toBe(mode.storage);
      expect(body.broker).toBe(mode.broker);
      expect(body.migrationVersion).toBeGreaterThan(0);
    });

    it('serves the demo region: Đà Nẵng with its 94 units', async () => {
      const res = await platform.api('/api/v1/units?parent=48', {}, wall);
      const body = (await res.json()) as { items: { code: string; name: string }[] };
      expect(body.items).toHaveLength(94);
      expect(body.items.find((u) => u.code === '20314')?.name).toBe('Phường Hoà Xuân');
    });

    it('stores an MQTT reading and pushes it to a WebSocket subscriber', async () => {
      const ws = await openWs(platform.httpUrl, `/ws?token=${encodeURIComponent(wall)}`);
      ws.send({ type: 'subscribe', channels: ['unit:48'] });
      await ws.next((m) => m.type === 'subscribed');
      device = await connectDevice(platform.mqttUrl, id, token);
      await device.publishAsync(
        `ioc/v1/telemetry/${id}`,
        JSON.stringify({ values: { pm25: 42 } }),
        { qos: 1 },
      );
      const row = await waitFor(async () => {
        const { rows } = await platform.ctx.pool.query<{ value: number; unit_code: string }>(
          "SELECT value, unit_code FROM reading WHERE device_id = $1 AND metric = 'pm25'",
          [id],
        );
        return rows[0];
      });
      expect(row).toEqual({ value: 42, unit_code: '20314' });
      const delta = await ws.next(
        (m) => m.type === 'readings' && m.deltas.some((d) => d.deviceId === id),
      );
      expect(
        delta.type === 'readings' && delta.deltas.find((d) => d.deviceId === id)?.values.pm25,
      ).toBe(42);
      ws.close();
    });

    it('dead-letters a message naming an unregistered device and keeps the good ones', async () => {
      const before = await platform.ctx.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM dead_letter WHERE reason = 'unknown_device'",
      );
      if (mode.broker === 'embedded') {
        // The embedded broker refuses unknown clients at CONNECT: nothing can publish as them.
        await expect(connectDevice(platform.mqttUrl, 'ghost-1', 'whatever')).rejects.toThrow();
        return;
      }
      const anon = await connectDevice(platform.mqttUrl, 'ghost-1', 'x');
      await anon.publishAsync('ioc/v1/telemetry/ghost-1', JSON.stringify({ values: { pm25: 1 } }), {
        qos: 1,
      });
      await anon.endAsync();
      await waitFor(async () => {
        const { rows } = await platform.ctx.pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM dead_letter WHERE reason = 'unknown_device'",
        );
        return (rows[0]?.n ?? 0) > (before.rows[0]?.n ?? 0) ? true : undefined;
      });
    });

    it.skipIf(mode.broker !== 'embedded')(
      'refuses a wrong password at CONNECT and another device’s topic at PUBLISH',
      async () => {
        await expect(connectDevice(platform.mqttUrl, id, 'wrong-token')).rejects.toThrow(
          /Not authorized|Bad username/i,
        );
        const otherId = `${id}-other`;
        await platform.addDevice({ id: otherId });
        const c = await connectDevice(platform.mqttUrl, id, token, `spoof-${id}`);
        c.on('error', () => undefined);
        c.publish(`ioc/v1/telemetry/${otherId}`, JSON.stringify({ values: { pm25: 99 } }), {
          qos: 0,
        });
        await waitFor(async () => {
          const { rows } = await platform.ctx.pool.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM dead_letter WHERE reason = 'topic_not_owned' AND source LIKE $1",
            [`%${otherId}`],
          );
          return (rows[0]?.n ?? 0) > 0 ? true : undefined;
        });
        const stored = await platform.ctx.pool.query('SELECT 1 FROM reading WHERE device_id = $1', [
          otherId,
        ]);
        expect(stored.rowCount).toBe(0);
        await c.endAsync(true).catch(() => undefined);
      },
    );
  });
}
