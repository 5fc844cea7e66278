import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type AuditEvent } from '@ioc/contracts';
import { createMigratedPglite, type DisposableDb } from '@ioc/db';
import { SecretBox } from '../secrets/secret-box';
import { ConnectorRunner } from '../sync/connector-runner';
import { ConnectorService } from './connector.service';

const SECRET = 'lgsp-secret-Qm83Zx';
const body = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: 'Nguồn',
  department: 'Sở',
  source: { kind: 'rest-json', url: 'http://127.0.0.1:9/x' },
  mapping: { target: 'dossier', expression: '{"code": a}' },
  auth: { kind: 'lgsp', appName: 'ioc', accessKey: 'ak-Hq27', secretKey: SECRET },
  ...extra,
});

describe('ConnectorService (PGlite)', () => {
  let db: DisposableDb;
  const audit: AuditEvent[] = [];
  const service = (secrets: SecretBox | null) =>
    new ConnectorService<string>(db, {
      runner: new ConnectorRunner({
        db,
        units: { exists: () => Promise.resolve(true) },
        sinks: {},
        secretsOf: () => Promise.resolve({}),
      }),
      secrets,
      audit: {
        record: (_a, e) => {
          audit.push(e);
          return Promise.resolve();
        },
      },
    });

  beforeAll(async () => {
    db = await createMigratedPglite();
  });
  afterAll(() => db.close());

  it('seals the secrets at rest, answers only their public part and audits no value', async () => {
    const box = new SecretBox(randomBytes(32));
    const s = service(box);
    const view = await s.create(body('dvc'), 'admin');
    expect(view.auth).toEqual({ kind: 'lgsp', appName: 'ioc', secretSet: true });
    const everything = JSON.stringify([view, await s.list(), await s.get('dvc'), audit]);
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain('ak-Hq27');
    const { rows } = await db.query<{ sealed: string }>('SELECT sealed FROM connector_secret');
    expect(rows[0]?.sealed).not.toContain(SECRET);
    const c = await s.repo.get('dvc');
    expect(await s.secretsOf(c!)).toEqual({ accessKey: 'ak-Hq27', secretKey: SECRET });
  });

  it('refuses secrets without a configured key, and bad mappings or schedules with every field', async () => {
    const err = await service(null)
      .create(body('no-key'), 'admin')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ kind: 'unavailable', code: 'CONNECTOR_SECRETS_UNCONFIGURED' });
    expect(await service(null).repo.get('no-key')).toBeNull();
    // A profile without secrets needs no key.
    await expect(
      service(null).create(body('open', { auth: { kind: 'none' } }), 'admin'),
    ).resolves.toMatchObject({
      auth: { kind: 'none', secretSet: false },
    });
    const bad = await service(null)
      .create(
        body('bad', {
          auth: { kind: 'none' },
          mapping: { target: 'dossier', expression: '{"a": }' },
          schedule: '99 * * * *',
        }),
        'admin',
      )
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ kind: 'invalid' });
    expect((bad as DomainError).details?.issues.map((i) => i.path)).toEqual([
      'mapping.expression',
      'schedule',
    ]);
  });
});
