import type { FastifyInstance } from 'fastify';
import { JSON_MAX_DEPTH, jsonTooDeep } from '../auth/http-hardening';

const FORM_ROUTES = /^\/api\/v1\/broker\/rabbitmq\//;
const RAW_ROUTES = /^\/api\/v1\/(telemetry|lorawan\/|feeds\/[^/]+\/reports|camera-events\/)/;

/**
 * Ingest routes receive the body as raw bytes: decoders need the original payload for the
 * dead-letter excerpt, and malformed JSON must be a counted rejection, not a framework 400.
 * Other routes get ordinary JSON parsing.
 */
/**
 * Boundary files are large (Đồng Nai's wards are 8 MB); only the import route accepts that much.
 * Citizen reports carry up to three 10 MiB photos: their routes take a whole form, so that the
 * multipart limits answer (400 PHOTO_TOO_LARGE) rather than the framework's 413.
 */
const CITIZEN_FORM_BYTES = 32 * 1024 * 1024;
const LARGE_BODY_ROUTES = new Map([
  ['/api/v1/units/import', 64 * 1024 * 1024],
  ['/api/v1/public/citizen/reports', CITIZEN_FORM_BYTES],
  ['/api/v1/citizen/app-reports', CITIZEN_FORM_BYTES],
  ['/api/v1/citizen/reports/:id/resolve', CITIZEN_FORM_BYTES],
  // Camera events carry a picture (Hikvision's multipart parts, the generic webhook's base64).
  ['/api/v1/camera-events/hikvision/:sourceId', 16 * 1024 * 1024],
  ['/api/v1/camera-events/webhook/:sourceId', 16 * 1024 * 1024],
]);

export function registerBodyParsers(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const limit = LARGE_BODY_ROUTES.get(route.url);
    if (limit !== undefined) route.bodyLimit = limit;
  });
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
      if (jsonTooDeep(body, JSON_MAX_DEPTH)) {
        done(
          Object.assign(new Error(`JSON nests deeper than ${JSON_MAX_DEPTH} levels`), {
            statusCode: 400,
            code: 'JSON_TOO_DEEP',
          }),
          undefined,
        );
        return;
      }
      try {
        done(null, JSON.parse(body.toString('utf8')) as unknown);
      } catch {
        done(
          Object.assign(new Error('Body is not valid JSON'), { statusCode: 400, code: 'BAD_JSON' }),
          undefined,
        );
      }
    },
  );
  // RabbitMQ's auth backend posts forms; only its routes take them. Elsewhere a form stays a 415,
  // so no cross-site form post (which needs no CORS preflight) reaches a route that acts.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (req, body: string, done) => {
      if (!FORM_ROUTES.test(req.url)) {
        done(
          Object.assign(new Error('Unsupported Media Type'), {
            statusCode: 415,
            code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
          }),
          undefined,
        );
        return;
      }
      done(null, Object.fromEntries(new URLSearchParams(body)));
    },
  );
  // Hikvision ISAPI notifications are XML: handed to the camera-events routes as bytes.
  app.addContentTypeParser(
    ['application/xml', 'text/xml'],
    { parseAs: 'buffer' },
    (_req, body: Buffer, done) => {
      done(null, body);
    },
  );
}
