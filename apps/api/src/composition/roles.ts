import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import type { ApiConfig } from '@ioc/config';
import type { ApiErrorBody } from '@ioc/contracts';
import { sameSecret } from '@ioc/auth';
import { pingDatabase, type Pool } from '@ioc/db';
import type { MqttIngest } from './broker';
import { portTakenMessage } from './port-check';

export type ProcessRole = ApiConfig['PROCESS_ROLE'];

/** What a process of each role runs (docs/architecture.md, "Process roles"). */
export interface RolePlan {
  /** The Nest edge (API, /ws, web app, HTTP telemetry), else only the probe listener. */
  api: boolean;
  /** Subscribes to the MQTT broker (or runs the embedded one). */
  mqtt: boolean;
  /** Competes for the background jobs' lease (composition/jobs.ts). */
  jobs: boolean;
}

export function rolePlan(role: ProcessRole): RolePlan {
  switch (role) {
    case 'all':
      return { api: true, mqtt: true, jobs: true };
    case 'api':
      return { api: true, mqtt: false, jobs: false };
    case 'collector':
      return { api: false, mqtt: true, jobs: false };
    case 'worker':
      return { api: false, mqtt: false, jobs: true };
  }
}

/**
 * The reading path of a process that takes no MQTT (api, worker): its writer stores HTTP
 * telemetry and camera-event counts, but nothing subscribes to the broker. SensorThings MQTT
 * updates of readings stored here are not sent (the collectors send theirs).
 */
export function noMqttIngest(config: ApiConfig): MqttIngest {
  return {
    kind: 'external',
    url: config.MQTT_URL ?? '',
    port: null,
    moved: false,
    connected: () => true,
    readingStopped: () => false,
    disconnectUser: () => undefined,
    publish: () => undefined,
    stop: () => Promise.resolve(),
  };
}

export interface ProbeStatus {
  pool: Pool;
  registry: Registry;
  /** Whether the broker is connected; null where this role reads none. */
  brokerConnected(): boolean | null;
  writer(): { buffered: number; storedTotal: number; healthy: boolean };
}

/**
 * The listener of a collector or worker on PORT: Kubernetes probes `/api/v1/health` (also
 * `/healthz`) and Prometheus scrapes `/metrics` (with METRICS_TOKEN as bearer; the HPA scales
 * collectors on the consumer-lag gauge). No API route: anything else is 404. Plain node:http,
 * because these processes carry no session, guard or controller.
 */
export async function startProbeServer(
  config: ApiConfig,
  status: ProbeStatus,
): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (code: number, body: unknown, type = 'application/json; charset=utf-8') => {
      res.writeHead(code, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    // The API's one error shape and codes (libs/contracts, common/error.filter.ts).
    const fail = (code: number, error: string, message: string) => {
      const body: ApiErrorBody = { error: { code: error, message, details: { issues: [] } } };
      send(code, body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      fail(405, 'METHOD_NOT_ALLOWED', 'Chỉ hỗ trợ GET.');
      return;
    }
    if (path === '/api/v1/health' || path === '/healthz') {
      void pingDatabase(status.pool).then((db) => {
        const broker = status.brokerConnected();
        const ok = db && broker !== false;
        const writer = status.writer();
        send(ok ? 200 : 503, {
          status: ok ? 'ok' : 'degraded',
          role: config.PROCESS_ROLE,
          asOf: new Date().toISOString(),
          database: db ? 'up' : 'down',
          brokerConnection: broker === null ? 'none' : broker ? 'up' : 'down',
          ingest: {
            buffered: writer.buffered,
            stored: writer.storedTotal,
            healthy: writer.healthy,
          },
        });
      });
      return;
    }
    if (path === '/metrics') {
      const auth = req.headers.authorization ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (!config.METRICS_TOKEN || !sameSecret(token, config.METRICS_TOKEN)) {
        fail(401, 'UNAUTHORIZED', 'Cần METRICS_TOKEN (Authorization: Bearer …).');
        return;
      }
      void status.registry.metrics().then(
        (text) => {
          send(200, text, 'text/plain; version=0.0.4; charset=utf-8');
        },
        (err: unknown) => {
          fail(500, 'INTERNAL', (err as Error).message);
        },
      );
      return;
    }
    fail(
      404,
      'NOT_FOUND',
      `Tiến trình vai trò ${config.PROCESS_ROLE} không phục vụ ${path ?? ''}.`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new Error(portTakenMessage(config.PORT)) : err);
    });
    server.listen(config.PORT, config.HOST, resolve);
  });
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
