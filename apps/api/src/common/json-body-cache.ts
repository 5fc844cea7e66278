import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface CachedBody {
  /** UTF-8 bytes: a string body would be encoded again on every send (profiled: a third of it). */
  body: Buffer;
  etag: string;
}

/**
 * Serialized JSON bodies of read routes whose data changes rarely (the unit tree): kept per
 * version of the data — any object that is replaced when the data changes, e.g. a snapshot —
 * and per request key, so a wall polling them costs no serialization. Entries go with their
 * version (a WeakMap), so a reload frees them. Keys must include everything the body depends
 * on; access control has already run (the guard) before a handler reads the cache.
 */
export class JsonBodyCache {
  private readonly byVersion = new WeakMap<object, Map<string, CachedBody>>();

  constructor(private readonly maxKeysPerVersion = 256) {}

  get(version: object, key: string, build: () => unknown): CachedBody {
    let entries = this.byVersion.get(version);
    if (!entries) {
      entries = new Map();
      this.byVersion.set(version, entries);
    }
    const hit = entries.get(key);
    if (hit) return hit;
    const body = Buffer.from(JSON.stringify(build()), 'utf8');
    const entry = {
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
    };
    // Keys come from query strings: bounded, oldest dropped first.
    if (entries.size >= this.maxKeysPerVersion) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
    entries.set(key, entry);
    return entry;
  }
}

/**
 * Answers with a cached body: its ETag, and 304 without a body when the client already has it
 * (a wall re-reading the same list). Only for bodies that do not depend on who asks beyond the
 * route's access check. Use with `@Res({ passthrough: true })`.
 */
export function sendCachedJson(
  req: FastifyRequest,
  reply: FastifyReply,
  c: CachedBody,
): Buffer | string {
  // The API's default is no-store; a cached body may be kept by the client, revalidated each time.
  void reply.header('cache-control', 'private, no-cache');
  void reply.header('etag', c.etag);
  if (req.headers['if-none-match'] === c.etag) {
    void reply.status(304);
    return '';
  }
  void reply.type('application/json; charset=utf-8');
  return c.body;
}
