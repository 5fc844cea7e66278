import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '@ioc/contracts';
import type { RouteRegistry } from './route-registry';

/**
 * Content Security Policy of the API and the web app. MapLibre builds its workers from blob:
 * URLs and draws tiles from blob:/data: images; nothing needs eval or inline scripts. Inline
 * styles are allowed because MapLibre and React position elements with style attributes.
 * Camera playback (issue 15) fetches playlists and segments and POSTs WHEP offers to the media
 * server's origins (`mediaOrigins`, from MEDIA_HLS_URL / MEDIA_WHEP_URL) and plays them from
 * blob: (hls.js through Media Source Extensions) or from those origins (native HLS).
 */
export function contentSecurityPolicy(mediaOrigins: readonly string[] = []): string {
  const media = mediaOrigins.map((o) => ` ${o}`).join('');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${media}`,
    `media-src 'self' blob:${media}`,
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** The origins of the media server's browser URLs, for the CSP; unparseable ones are left out. */
export function mediaOrigins(urls: readonly (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const u of urls) {
    if (!u) continue;
    try {
      out.add(new URL(u).origin);
    } catch {
      // The config schema checks these URLs; nothing to add for a bad one.
    }
  }
  return [...out];
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    // Walls are full-screen pages, never framed: DENY (and frame-ancestors 'none') stops clickjacking.
    'x-frame-options': 'DENY',
    // Display tokens ride in wall URLs: never send them on as a Referer.
    'referrer-policy': 'no-referrer',
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), payment=(), usb=()',
  };
}

/**
 * The one framed page: an admin's live scene preview (`/wall?…&preview=1`, issue 20.6), framed
 * by the admin page of the same origin. Framing stays denied to every other origin, and every
 * other page stays unframeable.
 */
export function isScenePreview(url: string): boolean {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (path !== '/wall' && path !== '/wall/') return false;
  const preview = new URLSearchParams(q === -1 ? '' : url.slice(q + 1)).get('preview');
  return preview === '1' || preview === 'true';
}

function previewHeaders(csp: string): Record<string, string> {
  return {
    'x-frame-options': 'SAMEORIGIN',
    'content-security-policy': csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"),
  };
}

const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const CORS_HEADERS = 'authorization, content-type, x-webhook-secret, x-api-key, x-feed-key';

export interface HardeningOptions {
  corsOrigins: readonly string[];
  routes: RouteRegistry;
  /**
   * Paths anyone may read from any origin (the open-data surface): no session, no credentials,
   * so a browser app elsewhere — a researcher's notebook, a startup's map — may read them.
   */
  isOpenRead?: (url: string) => boolean;
  /** Origins of the media server the web app plays cameras from (see contentSecurityPolicy). */
  mediaOrigins?: readonly string[];
}

/**
 * Installs the HTTP edge protections on Fastify before any route exists: security headers on
 * every answer, CORS limited to the configured origins, the route table for the policy checks,
 * and a deny for /api routes that are not controller routes behind the access guard.
 */
export function installHttpHardening(fastify: FastifyInstance, options: HardeningOptions): void {
  const origins = new Set(options.corsOrigins.map((o) => o.replace(/\/+$/, '')));
  const csp = contentSecurityPolicy(options.mediaOrigins);
  const SECURITY_HEADERS = securityHeaders(csp);
  const PREVIEW_HEADERS = previewHeaders(csp);
  fastify.addHook('onRoute', (route) => {
    options.routes.addFastifyRoute(route.method, route.url);
  });
  fastify.addHook('onRequest', async (req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) void reply.header(k, v);
    if (isScenePreview(req.url))
      for (const [k, v] of Object.entries(PREVIEW_HEADERS)) void reply.header(k, v);
    // API answers carry scoped data: not for shared caches unless a route says otherwise.
    if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    if (req.protocol === 'https')
      void reply.header('strict-transport-security', 'max-age=31536000');
    const preflight = options.isOpenRead?.(req.url)
      ? applyOpenCors(req, reply)
      : applyCors(req, reply, origins);
    if (preflight) return reply;
    // A NUL in the path or query (%00) is never a valid id, unit or filter, and PostgreSQL text
    // cannot hold it: refuse it here rather than let it reach a query.
    if (/%00/i.test(req.url)) {
      const body: ApiErrorBody = {
        error: { code: 'URL_INVALID', message: 'The URL must not contain a NUL character (%00)' },
      };
      await reply.status(400).send(body);
      return reply;
    }
    const pattern = req.routeOptions.url;
    // /api routes registered on Fastify directly would bypass the access guard: closed.
    if (
      pattern?.startsWith('/api/') &&
      !options.routes.isNestRoute(req.method === 'HEAD' ? 'GET' : req.method, pattern)
    ) {
      const body: ApiErrorBody = {
        error: {
          code: 'ROUTE_POLICY_MISSING',
          message: 'This route declares no access policy and is closed',
        },
      };
      await reply.status(403).send(body);
      return reply;
    }
    return undefined;
  });
}

/** Adds CORS headers for an allowed origin; answers preflights. True when the request is answered. */
function applyCors(
  req: FastifyRequest,
  reply: FastifyReply,
  origins: ReadonlySet<string>,
): boolean {
  const origin = req.headers.origin;
  const allowed = typeof origin === 'string' && origins.has(origin);
  if (allowed) {
    void reply
      .header('access-control-allow-origin', origin)
      .header('vary', 'Origin')
      .header('access-control-expose-headers', 'retry-after, content-disposition');
  }
  if (req.method !== 'OPTIONS' || typeof req.headers['access-control-request-method'] !== 'string')
    return false;
  if (!allowed) {
    // No CORS headers: the browser refuses the cross-origin call.
    void reply.status(403).send({
      error: { code: 'CORS_ORIGIN_DENIED', message: 'Origin not allowed' },
    } satisfies ApiErrorBody);
    return true;
  }
  void reply
    .header('access-control-allow-methods', CORS_METHODS)
    .header('access-control-allow-headers', CORS_HEADERS)
    .header('access-control-max-age', '600')
    .status(204)
    .send();
  return true;
}

/**
 * CORS of the open-data surface: any origin may read (`*`; never with credentials, which these
 * routes do not take), and see Retry-After, ETag and a download's file name. A preflight (sent
 * when a client adds If-None-Match) is answered for GET and HEAD only: nothing here is written.
 */
function applyOpenCors(req: FastifyRequest, reply: FastifyReply): boolean {
  void reply
    .header('access-control-allow-origin', '*')
    .header('access-control-expose-headers', 'retry-after, etag, content-disposition');
  if (req.method !== 'OPTIONS' || typeof req.headers['access-control-request-method'] !== 'string')
    return false;
  void reply
    .header('access-control-allow-methods', 'GET, HEAD')
    .header('access-control-allow-headers', 'if-none-match, if-modified-since')
    .header('access-control-max-age', '86400')
    .status(204)
    .send();
  return true;
}

/**
 * True when a JSON text nests arrays/objects deeper than `max`. A linear scan before parsing:
 * a deeply nested document costs the parser (and every later walker) stack and time.
 */
export function jsonTooDeep(text: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

export const JSON_MAX_DEPTH = 32;
