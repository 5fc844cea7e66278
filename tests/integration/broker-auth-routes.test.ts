/**
 * Issue 19, the RabbitMQ auth backend's routes as the plugin calls them: form-encoded POSTs,
 * `allow`/`deny` in plain text, the shared secret in the path. Forms reach no other route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const SECRET = 'broker-routes-secret-0123456789abcdef';

describe('RabbitMQ auth backend routes', () => {
  let platform: TestPlatform;
  let token = '';
  beforeAll(async () => {
    platform = await startTestPlatform({ SEED_DEMO: 'false', BROKER_AUTH_SECRET: SECRET });
    token = await platform.addDevice({ id: 'bk-1', unitCode: null });
  });
  afterAll(async () => {
    await platform.dispose();
  });

  const ask = (secret: string, what: string, form: Record<string, string>) =>
    fetch(`${platform.httpUrl}/api/v1/broker/rabbitmq/${secret}/${what}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });

  it('answers the plugin in plain text', async () => {
    const ok = await ask(SECRET, 'user', { username: 'bk-1', password: token });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ok.text()).toBe('allow');
    const bad = await ask(SECRET, 'user', { username: 'bk-1', password: 'nope' });
    expect(await bad.text()).toBe('deny');
    const topic = await ask(SECRET, 'topic', {
      username: 'bk-1',
      vhost: '/',
      resource: 'topic',
      name: 'amq.topic',
      permission: 'write',
      routing_key: 'ioc.v1.telemetry.bk-1',
      'variable_map.client_id': 'bk-1',
    });
    expect(await topic.text()).toBe('allow');
  });

  it('refuses a wrong secret', async () => {
    const r = await ask('not-the-secret', 'user', { username: 'bk-1', password: token });
    expect(r.status).toBe(401);
  });

  it('takes forms on its own routes only', async () => {
    const r = await fetch(`${platform.httpUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=a&password=b',
    });
    expect(r.status).toBe(415);
  });
});
