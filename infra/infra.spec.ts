import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { apiConfigSchema } from '@ioc/config';

const here = import.meta.dirname;
const known = new Set(Object.keys(apiConfigSchema.shape));
// Variables the database image reads itself (and its init script, timescaledb/
// init-emqx-role.sh, the broker role's password); the platform reads none of them.
const foreign = new Set(['POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_DB', 'EMQX_DB_PASSWORD']);

function envKeys(env: unknown): string[] {
  if (Array.isArray(env)) return env.map((e: { name: string }) => e.name);
  if (env && typeof env === 'object') return Object.keys(env);
  return [];
}

describe('deployment files', () => {
  it('compose: every API variable is a platform setting and secrets have no defaults', () => {
    const text = readFileSync(resolve(here, 'docker-compose.yml'), 'utf8');
    const doc = parse(text, { merge: true }) as {
      services: Record<string, { environment?: unknown; image?: string; build?: unknown }>;
    };
    const api = doc.services.api1;
    expect(api).toBeDefined();
    // The database service is configured only through its image's own variables.
    const db = envKeys(doc.services.timescaledb?.environment);
    expect(db.length).toBeGreaterThan(0);
    for (const key of db) expect(foreign, key).toContain(key);
    for (const key of envKeys(api?.environment)) expect(known, key).toContain(key);
    for (const secret of [
      'POSTGRES_PASSWORD',
      'EMQX_DB_PASSWORD',
      'EMQX_COOKIE',
      'MQTT_INGEST_PASSWORD',
    ]) {
      expect(text).toContain(`\${${secret}:?`);
    }
    // The broker's read-only role is made when the database is created.
    expect(text).toContain('./timescaledb/init-emqx-role.sh:/docker-entrypoint-initdb.d/');
    expect(Object.keys(doc.services).sort()).toEqual([
      'api1',
      'api2',
      'emqx1',
      'emqx2',
      'lb',
      'mediamtx',
      'timescaledb',
    ]);
  });

  it('kubernetes: manifests parse and API env names are platform settings', () => {
    for (const file of [
      'api.yaml',
      'timescaledb.yaml',
      'emqx.yaml',
      'mediamtx.yaml',
      'rabbitmq.yaml',
    ]) {
      const docs = parseAllDocuments(readFileSync(resolve(here, 'k8s', file), 'utf8'));
      for (const d of docs) {
        expect(d.errors).toEqual([]);
        const obj = d.toJS() as {
          kind: string;
          spec?: { template?: { spec: { containers: { env?: unknown }[] } } };
          data?: Record<string, string>;
        };
        expect(obj.kind).toMatch(/^[A-Z]/);
        if (file === 'api.yaml' && obj.kind === 'Deployment') {
          for (const c of obj.spec?.template?.spec.containers ?? []) {
            for (const key of envKeys(c.env)) expect(known, key).toContain(key);
          }
        }
        if (file === 'timescaledb.yaml' && obj.kind === 'StatefulSet') {
          for (const c of obj.spec?.template?.spec.containers ?? []) {
            for (const key of envKeys(c.env)) expect(foreign, key).toContain(key);
          }
        }
        if (file === 'rabbitmq.yaml' && obj.kind === 'StatefulSet') {
          const set = obj as unknown as { spec: { replicas: number } };
          expect(set.spec.replicas).toBe(3);
          for (const c of obj.spec?.template?.spec.containers ?? []) {
            for (const key of envKeys(c.env))
              expect(key, key).toMatch(/^(RABBITMQ_[A-Z_]+|POD_NAME|BROKER_AUTH_SECRET)$/);
          }
        }
        if (file === 'api.yaml' && obj.kind === 'ConfigMap') {
          for (const key of Object.keys(obj.data ?? {})) expect(known, key).toContain(key);
        }
      }
    }
  });

  it('RabbitMQ compose override: three nodes, API settings known, secrets without defaults', () => {
    const text = readFileSync(resolve(here, 'docker-compose.rabbitmq.yml'), 'utf8');
    const doc = parse(text, { merge: true }) as {
      services: Record<string, { environment?: unknown; image?: string; volumes?: string[] }>;
    };
    expect(Object.keys(doc.services).sort()).toEqual([
      'api1',
      'api2',
      'rabbitmq-0',
      'rabbitmq-1',
      'rabbitmq-2',
    ]);
    for (const api of ['api1', 'api2']) {
      const keys = envKeys(doc.services[api]?.environment);
      expect(keys).toContain('AMQP_URLS');
      for (const key of keys) expect(known, key).toContain(key);
    }
    for (const node of ['rabbitmq-0', 'rabbitmq-1', 'rabbitmq-2']) {
      expect(doc.services[node]?.image).toMatch(/^rabbitmq:\d+\.\d+\.\d+-management$/);
      expect(doc.services[node]?.volumes).toContain(
        './rabbitmq/rabbitmq.conf:/etc/ioc-rabbitmq/rabbitmq.conf:ro',
      );
    }
    for (const secret of ['RABBITMQ_COOKIE', 'RABBITMQ_COLLECTOR_PASSWORD', 'BROKER_AUTH_SECRET'])
      expect(text).toContain(`\${${secret}:?`);
  });

  it('RabbitMQ config: devices asked of the platform, the collectors in the internal database', () => {
    const conf = readFileSync(resolve(here, 'rabbitmq/rabbitmq.conf'), 'utf8');
    const k8s = parseAllDocuments(readFileSync(resolve(here, 'k8s/rabbitmq.yaml'), 'utf8'));
    const configMap = k8s.map((d) => d.toJS() as { kind: string; data?: Record<string, string> });
    const k8sConf = configMap.find((d) => d.kind === 'ConfigMap')?.data?.['rabbitmq.conf'] ?? '';
    for (const text of [conf, k8sConf]) {
      const settings = new Map(
        text
          .split('\n')
          .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
          .map((l) => l.split(' = ').map((p) => p.trim()) as [string, string]),
      );
      expect(settings.get('auth_backends.1')).toBe('http');
      expect(settings.get('auth_backends.2')).toBe('internal');
      expect(settings.get('auth_http.http_method')).toBe('post');
      expect(settings.get('mqtt.allow_anonymous')).toBe('false');
      for (const q of ['user', 'vhost', 'resource', 'topic'])
        expect(settings.get(`auth_http.${q}_path`)).toMatch(
          new RegExp(`/api/v1/broker/rabbitmq/@BROKER_AUTH_SECRET@/${q}$`),
        );
    }
    const plugins = readFileSync(resolve(here, 'rabbitmq/enabled_plugins'), 'utf8');
    expect(plugins).toMatch(/rabbitmq_mqtt/);
    expect(plugins).toMatch(/rabbitmq_auth_backend_http/);
    // nginx answers the nodes on its private listener only.
    const nginx = readFileSync(resolve(here, 'nginx.conf'), 'utf8');
    const [publicPart, privatePart] = nginx.split('listen 8081;');
    expect(publicPart).toMatch(/location \/api\/v1\/broker\/ \{\s*return 404;/);
    expect(privatePart).toMatch(/location \/api\/v1\/broker\/rabbitmq\/ \{\s*proxy_pass/);
  });

  it('.env.example documents every platform setting', () => {
    const example = readFileSync(resolve(here, '../.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    for (const key of known) expect(documented, key).toContain(key);
  });
});
