import Fastify from 'fastify';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { installOpenDataLimits, isOpenDataPath, OpenDataLimits } from './open-data-limits';

describe('open-data limits', () => {
  it('covers SensorThings and the public catalogue, nothing else', () => {
    expect(isOpenDataPath('/sta/v1.1/Things?$top=1')).toBe(true);
    expect(isOpenDataPath('/api/v1/public/open-data/datasets')).toBe(true);
    expect(isOpenDataPath('/api/v1/public/citizen/categories')).toBe(false);
    expect(isOpenDataPath('/api/v1/units?parent=48')).toBe(false);
    expect(isOpenDataPath('/status')).toBe(false);
  });

  it('refuses past the burst with 429, Retry-After and the error shape; other clients and routes pass', async () => {
    const limits = new OpenDataLimits({ perMinute: 100, burstPerSecond: 3 }, new Registry());
    const app = Fastify({ trustProxy: true });
    installOpenDataLimits(app, limits);
    app.get('/sta/v1.1', () => ({ ok: true }));
    app.get('/api/v1/units', () => ({ ok: true }));
    const get = (url: string, client: string) =>
      app.inject({ url, headers: { 'x-forwarded-for': client } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await get('/sta/v1.1', '203.0.113.1')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await get('/sta/v1.1', '203.0.113.1');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.json()).toMatchObject({
      error: { code: 'RATE_LIMITED', details: { issues: [{ path: '' }] } },
    });
    expect((await get('/sta/v1.1', '203.0.113.2')).statusCode).toBe(200);
    expect((await get('/api/v1/units', '203.0.113.1')).statusCode).toBe(200);
    expect(await limits.refused()).toBe(3);
    await app.close();
  });

  it('refuses past the minute allowance even when spread out', async () => {
    const limits = new OpenDataLimits({ perMinute: 2, burstPerSecond: 50 }, new Registry());
    expect(await limits.take('a')).toBeNull();
    expect(await limits.take('a')).toBeNull();
    const wait = await limits.take('a');
    expect(wait).toBeGreaterThan(1);
    expect(wait).toBeLessThanOrEqual(60);
  });
});
