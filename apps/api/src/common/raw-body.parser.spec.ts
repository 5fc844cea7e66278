import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBodyParsers } from './raw-body.parser';
import { toResponse } from './error.filter';

describe('registerBodyParsers', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    registerBodyParsers(app);
    app.setErrorHandler((err, _req, reply) => {
      const r = toResponse(err);
      void reply.status(r.status).send(r.body);
    });
    // What the handler got: a Buffer's bytes, or the parsed value.
    const echo = (req: { body: unknown }) =>
      Buffer.isBuffer(req.body)
        ? { raw: req.body.toString('utf8') }
        : { parsed: req.body === undefined ? '(none)' : req.body };
    app.post('/api/v1/telemetry', echo);
    app.post('/api/v1/lorawan/ttn', echo);
    app.post('/api/v1/feeds/:code/reports', echo);
    app.post('/api/v1/alerts/:id/ack', echo);
    app.post('/api/v1/units/import', echo);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (url: string, payload: string | Buffer, type = 'application/json') =>
    app.inject({ method: 'POST', url, payload, headers: { 'content-type': type } });

  it('hands ingest routes the bytes as sent, malformed JSON included (a counted rejection, not a 400)', async () => {
    for (const url of ['/api/v1/telemetry', '/api/v1/lorawan/ttn', '/api/v1/feeds/x/reports']) {
      const res = await post(url, '{"pm25": 1');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ raw: '{"pm25": 1' });
    }
    const senml = await post('/api/v1/telemetry', '[{"n":"t","v":1}]', 'application/senml+json');
    expect(senml.json()).toEqual({ raw: '[{"n":"t","v":1}]' });
  });

  it('parses JSON for the other routes and answers bad JSON 400 BAD_JSON', async () => {
    expect((await post('/api/v1/alerts/a/ack', '{"note":"ok"}')).json()).toEqual({
      parsed: { note: 'ok' },
    });
    const bad = await post('/api/v1/alerts/a/ack', '{"note":');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'BAD_JSON' } });
  });

  it('refuses JSON nested past the limit before parsing it', async () => {
    const deep = '['.repeat(200) + ']'.repeat(200);
    const res = await post('/api/v1/alerts/a/ack', deep);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'JSON_TOO_DEEP' } });
    // The same bytes to an ingest route are the decoder's business.
    expect((await post('/api/v1/telemetry', deep)).statusCode).toBe(200);
  });

  it('reads an empty body as no body', async () => {
    expect((await post('/api/v1/alerts/a/ack', '')).json()).toEqual({ parsed: '(none)' });
  });

  it('lets only the boundary import take a large body', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) });
    expect((await post('/api/v1/units/import', big)).statusCode).toBe(200);
    expect((await post('/api/v1/alerts/a/ack', big)).statusCode).toBe(413);
  });
});
