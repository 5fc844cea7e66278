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
    for (const file of ['api.yaml', 'timescaledb.yaml', 'emqx.yaml', 'mediamtx.yaml']) {
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
        if (file === 'api.yaml' && obj.kind === 'ConfigMap') {
          for (const key of Object.keys(obj.data ?? {})) expect(known, key).toContain(key);
        }
      }
    }
  });

  it('.env.example documents every platform setting', () => {
    const example = readFileSync(resolve(here, '../.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    for (const key of known) expect(documented, key).toContain(key);
  });
});
