/**
 * No setting opens the platform and no header names the actor (issue 21, item 4). The platform
 * starts with `AUTH_ENFORCE=false` in its environment, as an old .env would still carry it: the
 * key means nothing any more, every protected route and /ws still want a credential, and an
 * audited change names the signed-in principal whatever an `x-ioc-actor` header claims.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { openWs } from '../support/ws';

const JSON_BODY = { 'content-type': 'application/json' };
const RULE = {
  name: 'PM2.5',
  kind: 'threshold',
  params: { metric: 'pm25', comparator: '>', value: 100 },
};

describe('access control has no off switch (embedded)', () => {
  let platform: TestPlatform;
  let admin = '';

  beforeAll(async () => {
    platform = await startTestPlatform({ AUTH_ENFORCE: 'false' });
    admin = await platform.loginAs('admin', [], 'admin.always-on');
  });

  afterAll(async () => {
    await platform.dispose();
  });

  it('refuses an anonymous caller that names an administrator in x-ioc-actor', async () => {
    const calls: [string, string, unknown][] = [
      ['GET', '/api/v1/alerts?unit=48', undefined],
      ['POST', '/api/v1/alert-rules', RULE],
      ['GET', '/api/v1/indicators/changes', undefined],
      ['GET', '/metrics', undefined],
    ];
    for (const [method, path, body] of calls) {
      const res = await fetch(`${platform.httpUrl}${path}`, {
        method,
        headers: { ...JSON_BODY, 'x-ioc-actor': 'admin' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
    }
  });

  it('serves no WebSocket channel to a client that has not authenticated', async () => {
    const ws = await openWs(platform.httpUrl);
    ws.send({ type: 'subscribe', channels: ['unit:48'] });
    expect(await ws.next((m) => m.type === 'error')).toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(ws.messages.some((m) => m.type === 'subscribed')).toBe(false);
    ws.close();
  });

  it('names the signed-in administrator in audited changes, whatever x-ioc-actor says', async () => {
    const headers = { ...JSON_BODY, 'x-ioc-actor': 'someone-else' };
    const rule = await platform.api(
      '/api/v1/alert-rules',
      { method: 'POST', headers, body: JSON.stringify(RULE) },
      admin,
    );
    expect(rule.status).toBe(201);
    expect(await rule.json()).toMatchObject({ createdBy: 'admin.always-on' });

    const target = await platform.api(
      '/api/v1/targets',
      {
        method: 'POST',
        headers,
        body: JSON.stringify({
          indicator: 'dx.dossiers_processed_online',
          unitCode: '20194',
          year: 2026,
          op: '>=',
          value: 92,
          why: 'mục tiêu riêng của phường',
        }),
      },
      admin,
    );
    expect(target.status).toBe(201);
    const { id } = (await target.json()) as { id: number };
    const log = await platform.api(
      `/api/v1/indicators/changes?entity=target&key=${String(id)}`,
      {},
      admin,
    );
    const { items } = (await log.json()) as { items: { action: string; changedBy: string }[] };
    expect(items.map((l) => [l.action, l.changedBy])).toEqual([['create', 'admin.always-on']]);
  });
});
