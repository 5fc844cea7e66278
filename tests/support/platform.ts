import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { loadApiConfig } from '@ioc/config';
import { DeviceRepository, generateToken, hashToken } from '@ioc/ingest';
import { SYSTEM_ACTOR, type Role } from '@ioc/auth';
import { startPlatform, type RunningPlatform } from '../../apps/api/src/composition/platform';

export interface TestPlatform extends RunningPlatform {
  dataDir: string;
  /** Registers a device directly in the database and returns its token. */
  addDevice(d: {
    id: string;
    kind?: string;
    unitCode?: string | null;
    lon?: number;
    lat?: number;
    gatewayId?: string;
    devEui?: string;
    profile?: Record<string, unknown>;
  }): Promise<string>;
  /** Session token of an administrator created at start ('' with `seedAdmin: false`). */
  adminToken: string;
  /**
   * fetch of a path on the platform as a signed-in caller, as the web app calls it: the
   * administrator unless `token` names another caller (an `authorization` in `init` wins).
   */
  api(path: string, init?: RequestInit, token?: string): Promise<Response>;
  /**
   * Creates a user with the role and unit scope (named `username`, else a fresh name) and returns
   * a fresh session token.
   */
  loginAs(role: Role, units?: string[], username?: string): Promise<string>;
  /** Issues a display token (read-only wall credential) for a unit. */
  displayToken(unitCode: string): Promise<string>;
  dispose(): Promise<void>;
}

/**
 * Environment overrides plus test switches. Access control is always on: suites call the API
 * with a token (`api()`, `adminToken`, `loginAs`, `displayToken`). `seedAdmin: false` leaves the
 * platform without an administrator (first-run tests).
 */
export type TestPlatformOptions = {
  seedAdmin?: boolean;
  /** "Now" of the work side, AQI and fleet views (composition option; never an environment switch). */
  clock?: () => Date;
} & Record<string, string | boolean | undefined | (() => Date)>;

const PASSWORD = 'test-password-not-secret';
let userSeq = 0;

/**
 * Starts the whole platform in-process as `npm start` would, with ephemeral ports and a
 * temporary DATA_DIR. `env` switches modes: DATABASE_URL / MQTT_URL for services mode.
 */
export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const { seedAdmin, clock, ...rest } = options;
  const env = Object.fromEntries(
    Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
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
    // Every test client connects from 127.0.0.1, and several suites fail connects on purpose;
    // the per-address throttle has its own spec (libs/embedded).
    MQTT_MAX_FAILED_CONNECTS_PER_MINUTE: '10000',
    // Suites walk whole SensorThings collections from one address; the public limits have their
    // own suite (open-data-limits), which sets the shipped values again.
    OPEN_DATA_RATE_PER_MIN: '1000000',
    OPEN_DATA_BURST_PER_SEC: '100000',
    // Suites make the reporting schedules they are about; `reports-defaults` turns this on.
    REPORT_SCHEDULE_DEFAULTS: 'false',
    ...env,
  });
  const platform = await startPlatform(config, clock ? { clock } : {});
  const authz = platform.ctx.auth;
  const loginAs = async (
    role: Role,
    units: string[] = [],
    username = `t-${role.replace(/_/g, '-')}-${++userSeq}-${randomBytes(3).toString('hex')}`,
  ): Promise<string> => {
    await authz.users.create({ username, password: PASSWORD, role, units }, SYSTEM_ACTOR);
    return (
      await authz.sessions.login({ username, password: PASSWORD, ip: null, userAgent: 'test' })
    ).token;
  };
  const adminToken = seedAdmin !== false ? await loginAs('admin') : '';
  return {
    ...platform,
    dataDir,
    adminToken,
    loginAs,
    api(path, init = {}, token = adminToken) {
      const headers = new Headers(init.headers);
      if (token !== '' && !headers.has('authorization'))
        headers.set('authorization', `Bearer ${token}`);
      return fetch(`${platform.httpUrl}${path}`, { ...init, headers });
    },
    async displayToken(unitCode) {
      return (
        await authz.displays.create({ name: `test wall ${unitCode}`, unitCode }, SYSTEM_ACTOR)
      ).token;
    },
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
        const c = await mqtt.connectAsync(config.MQTT_URL, {
          clientId,
          clean: true,
          protocolVersion: 5,
          reconnectPeriod: 0,
        });
        await c.endAsync();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
