import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { loadApiConfig } from '@ioc/config';
import { DeviceRepository, generateToken, hashToken } from '@ioc/ingest';
import { startPlatform, type RunningPlatform } from '../../apps/api/src/platform/platform';

export interface TestPlatform extends RunningPlatform {
  dataDir: string;
  /** Registers a device directly in the database and returns its token. */
  addDevice(d: { id: string; kind?: string; unitCode?: string | null; lon?: number; lat?: number; gatewayId?: string; devEui?: string; profile?: Record<string, unknown> }): Promise<string>;
  dispose(): Promise<void>;
}

/**
 * Starts the whole platform in-process as `npm start` would, with ephemeral ports and a
 * temporary DATA_DIR. `env` switches modes: DATABASE_URL / MQTT_URL for services mode.
 */
export async function startTestPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ioc-platform-'));
  const clientId = `ioc-test-${randomBytes(4).toString('hex')}`;
  const config = loadApiConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    MQTT_PORT: '0',
    DATA_DIR: dataDir,
    SIMULATOR: 'false',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: join(dataDir, 'no-web'),
    MQTT_CLIENT_ID: clientId,
    MQTT_SHARED_GROUP: clientId,
    WRITER_MAX_LATENCY_MS: '20',
    ...env,
  });
  const platform = await startPlatform(config);
  return {
    ...platform,
    dataDir,
    async addDevice(d) {
      const token = generateToken();
      await new DeviceRepository(platform.ctx.pool).insert({
        id: d.id,
        kind: d.kind ?? 'air_quality',
        unitCode: d.unitCode === undefined ? '20314' : d.unitCode,
        lon: d.lon ?? 108.2,
        lat: d.lat ?? 16.0,
        gatewayId: d.gatewayId ?? null,
        devEui: d.devEui ?? null,
        profile: d.profile ?? {},
        tokenHash: hashToken(token),
      });
      platform.ctx.directory.invalidate();
      return token;
    },
    async dispose() {
      await platform.stop();
      if (config.MQTT_URL) {
        // Ends the collector's persistent session so a shared test broker does not keep
        // queueing messages for a group nobody will read again.
        const c = await mqtt.connectAsync(config.MQTT_URL, { clientId, clean: true, protocolVersion: 5, reconnectPeriod: 0 });
        await c.endAsync();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
