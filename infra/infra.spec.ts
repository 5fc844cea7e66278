import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { apiConfigSchema } from '@ioc/config';

const here = import.meta.dirname;
const known = new Set(Object.keys(apiConfigSchema.shape));
// Variables the database image reads itself (and its init script, timescaledb/
// init-emqx-role.sh, the broker role's password); the platform reads none of them.
// init-replication-role.sh and clone-primary.sh read the replication settings.
const foreign = new Set([
  'POSTGRES_USER',
  'POSTGRES_PASSWORD',
  'POSTGRES_DB',
  'EMQX_DB_PASSWORD',
  'REPLICATION_PASSWORD',
  'PGDATA',
  'PRIMARY_HOST',
  'REPLICA_NAME',
]);

interface Service {
  environment?: unknown;
  image?: string;
  volumes?: string[];
  command?: unknown;
}

interface K8sContainer {
  command?: string[];
  env?: { name: string; value?: string }[];
}

interface K8sObject {
  kind: string;
  metadata: { name: string };
  spec: {
    selector?: unknown;
    template?: { spec: { containers: K8sContainer[]; initContainers?: K8sContainer[] } };
  };
}

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
      'REPLICATION_PASSWORD',
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
      'timescaledb-read',
    ]);
  });

  it("compose: a streaming replica of the primary serves the APIs' reads", () => {
    const doc = parse(readFileSync(resolve(here, 'docker-compose.yml'), 'utf8'), {
      merge: true,
    }) as { services: Record<string, Service> };
    const replica = doc.services['timescaledb-read'];
    const primary = doc.services.timescaledb;
    expect(replica?.image).toBe(primary?.image);
    for (const key of envKeys(replica?.environment)) expect(foreign, key).toContain(key);
    expect(replica?.environment).toMatchObject({ PRIMARY_HOST: 'timescaledb' });
    expect(replica?.volumes).toContain(
      './timescaledb/clone-primary.sh:/usr/local/bin/clone-primary.sh:ro',
    );
    expect(replica?.volumes).toContain(
      './timescaledb/postgresql.conf:/etc/postgresql/postgresql.conf:ro',
    );
    expect(JSON.stringify(replica?.command)).toContain('clone-primary.sh');
    expect(primary?.volumes).toContain(
      './timescaledb/init-replication-role.sh:/docker-entrypoint-initdb.d/20-replication-role.sh:ro',
    );
    for (const name of ['api1', 'api2']) {
      const env = doc.services[name]?.environment as Record<string, string>;
      expect(env.DATABASE_URL, name).toMatch(/@timescaledb:5432\//);
      expect(env.DATABASE_READ_URL, name).toMatch(/@timescaledb-read:5432\//);
    }
    // The scripts the services mount exist, and the clone is what makes the server a standby.
    const clone = readFileSync(resolve(here, 'timescaledb/clone-primary.sh'), 'utf8');
    expect(clone).toMatch(/pg_basebackup .*\n?.*-R /);
    const role = readFileSync(resolve(here, 'timescaledb/init-replication-role.sh'), 'utf8');
    expect(role).toContain('REPLICATION LOGIN');
    expect(role).toContain('host replication ioc_replicator');
  });

  it('postgresql.conf: primary and replicas are set up for streaming replication', () => {
    const conf = readFileSync(resolve(here, 'timescaledb/postgresql.conf'), 'utf8');
    const settings = new Map(
      [...conf.matchAll(/^\s*([a-z_.]+)\s*=\s*'?([^'#\n]*?)'?\s*(?:#.*)?$/gm)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    expect(settings.get('wal_level')).toBe('replica');
    expect(Number(settings.get('max_wal_senders'))).toBeGreaterThanOrEqual(2);
    expect(Number(settings.get('max_replication_slots'))).toBeGreaterThanOrEqual(2);
    expect(settings.get('hot_standby')).toBe('on');
    expect(settings.get('shared_preload_libraries')).toBe('timescaledb');
  });

  it('kubernetes: timescaledb-read is a replica StatefulSet cloning the primary, behind its own Service', () => {
    const docs = parseAllDocuments(readFileSync(resolve(here, 'k8s/timescaledb.yaml'), 'utf8')).map(
      (d) => d.toJS() as K8sObject,
    );
    const find = (kind: string, name: string) =>
      docs.find((d) => d.kind === kind && d.metadata.name === name);
    const sts = find('StatefulSet', 'timescaledb-read');
    expect(sts).toBeDefined();
    const init = sts?.spec.template?.spec.initContainers?.[0];
    expect(init?.command?.join(' ')).toContain('clone-primary.sh');
    expect(init?.env?.find((e) => e.name === 'PRIMARY_HOST')?.value).toBe('timescaledb');
    for (const c of [...(sts?.spec.template?.spec.containers ?? []), ...(init ? [init] : [])]) {
      for (const key of envKeys(c.env)) expect(foreign, key).toContain(key);
    }
    expect(find('Service', 'timescaledb-read')?.spec.selector).toEqual({ app: 'timescaledb-read' });
    expect(find('Service', 'timescaledb')?.spec.selector).toEqual({ app: 'timescaledb' });
    const api = readFileSync(resolve(here, 'k8s/api.yaml'), 'utf8');
    expect(api).toContain('DATABASE_READ_URL=postgres://ioc:...@timescaledb-read:5432/ioc');
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

  it('kubernetes: API, collector and worker deployments by role; collectors scale on the ingest lag', () => {
    const docs = parseAllDocuments(readFileSync(resolve(here, 'k8s/api.yaml'), 'utf8')).map(
      (d) =>
        d.toJS() as {
          kind: string;
          metadata: { name: string };
          spec: {
            template?: { spec: { containers: { env?: { name: string; value?: string }[] }[] } };
            scaleTargetRef?: { name: string };
            metrics?: { type: string; pods?: { metric: { name: string } } }[];
          };
        },
    );
    const role = (name: string) =>
      docs
        .find((d) => d.kind === 'Deployment' && d.metadata.name === name)
        ?.spec.template?.spec.containers[0]?.env?.find((e) => e.name === 'PROCESS_ROLE')?.value;
    expect(role('ioc-api')).toBe('api');
    expect(role('ioc-collector')).toBe('collector');
    expect(role('ioc-worker')).toBe('worker');
    const hpa = docs.find(
      (d) =>
        d.kind === 'HorizontalPodAutoscaler' && d.spec.scaleTargetRef?.name === 'ioc-collector',
    );
    const lag = hpa?.spec.metrics?.find((m) => m.type === 'Pods')?.pods?.metric.name ?? '';
    expect(lag).toBe('ioc_ingest_consumer_lag_seconds');
    // The metric the HPA reads is one the platform serves.
    const metrics = readFileSync(
      resolve(here, '../libs/ingest/src/pipeline/ingest.metrics.ts'),
      'utf8',
    );
    expect(metrics).toContain(`name: '${lag}'`);
  });

  it('RabbitMQ compose override: three nodes, API settings known, secrets without defaults', () => {
    const text = readFileSync(resolve(here, 'docker-compose.rabbitmq.yml'), 'utf8');
    const doc = parse(text, { merge: true }) as {
      services: Record<string, { environment?: unknown; image?: string; volumes?: string[] }>;
    };
    expect(Object.keys(doc.services).sort()).toEqual([
      'api1',
      'api2',
      'collector1',
      'collector2',
      'rabbitmq-0',
      'rabbitmq-1',
      'rabbitmq-2',
      'worker1',
      'worker2',
    ]);
    const roles: Record<string, string> = {
      api1: 'api',
      api2: 'api',
      collector1: 'collector',
      collector2: 'collector',
      worker1: 'worker',
      worker2: 'worker',
    };
    for (const [name, role] of Object.entries(roles)) {
      const env = doc.services[name]?.environment as Record<string, string>;
      expect(env.PROCESS_ROLE, name).toBe(role);
      const keys = envKeys(env);
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
