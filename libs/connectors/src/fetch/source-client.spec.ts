import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceClient, SourceError } from './source-client';

describe('SourceClient', () => {
  let server: Server;
  let base = '';
  let failuresLeft = 0;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      if (req.url === '/bad') return void res.writeHead(400).end('bad request');
      if (failuresLeft > 0) {
        failuresLeft--;
        return void res.writeHead(503).end();
      }
      res.writeHead(200).end(`ok ${String(req.headers['x-n'] ?? '')}`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((r) => {
        server.close(() => {
          r();
        });
      }),
  );

  const client = (maxRetries: number, sleeps: number[], ratePerMinute = 6_000) => {
    let n = 0;
    return new SourceClient({
      ratePerMinute,
      maxRetries,
      backoffMs: 100,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      nowMs: () => 0,
      authHeaders: () => Promise.resolve({ 'x-n': String(++n) }),
    });
  };

  it('retries 5xx with exponential backoff and fresh auth headers per attempt', async () => {
    failuresLeft = 2;
    hits = 0;
    const sleeps: number[] = [];
    expect(await client(3, sleeps, 1e9).fetchText({ method: 'GET', url: `${base}/x` })).toBe(
      'ok 3',
    );
    expect(hits).toBe(3);
    const backoffs = sleeps.filter((ms) => ms >= 100);
    expect(backoffs[0]).toBeGreaterThanOrEqual(100);
    expect(backoffs[0]).toBeLessThan(130);
    expect(backoffs[1]).toBeGreaterThanOrEqual(200);
    expect(backoffs[1]).toBeLessThan(260);
  });

  it('gives up after the retries, and at once on a 4xx that will not pass', async () => {
    failuresLeft = 10;
    await expect(client(1, []).fetchText({ method: 'GET', url: `${base}/x` })).rejects.toThrow(
      /HTTP 503.*after 2 attempts/,
    );
    failuresLeft = 0;
    hits = 0;
    const err = await client(3, [])
      .fetchText({ method: 'GET', url: `${base}/bad` })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect(hits).toBe(1);
  });

  it('spaces requests to the rate limit', async () => {
    failuresLeft = 0;
    const sleeps: number[] = [];
    const c = client(0, sleeps, 60); // one a second
    await c.fetchText({ method: 'GET', url: `${base}/x` });
    await c.fetchText({ method: 'GET', url: `${base}/x` });
    await c.fetchText({ method: 'GET', url: `${base}/x` });
    expect(sleeps).toEqual([1000, 2000]);
  });
});
