import type { FastifyInstance } from 'fastify';

const RAW_ROUTES = /^\/api\/v1\/(telemetry|lorawan\/|feeds\/[^/]+\/reports)/;

/**
 * Ingest routes receive the body as raw bytes: decoders need the original payload for the
 * dead-letter excerpt, and malformed JSON must be a counted rejection, not a framework 400.
 * Other routes get ordinary JSON parsing.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['application/json', 'application/senml+json', 'text/csv', 'text/plain'],
    { parseAs: 'buffer' },
    (req, body: Buffer, done) => {
      if (RAW_ROUTES.test(req.url)) {
        done(null, body);
        return;
      }
      if (body.length === 0) {
        done(null, undefined);
        return;
      }
      try {
        done(null, JSON.parse(body.toString('utf8')) as unknown);
      } catch {
        done(Object.assign(new Error('Body is not valid JSON'), { statusCode: 400, code: 'BAD_JSON' }), undefined);
      }
    },
  );
}
