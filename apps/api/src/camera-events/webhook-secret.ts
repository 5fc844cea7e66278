import type { FastifyRequest } from 'fastify';

/**
 * The secret a webhook presents, in the forms senders can send: `X-Webhook-Secret` (the generic
 * webhook, Frigate-side relays), HTTP Basic with the secret as password (Hikvision's HTTP
 * listening host with authentication), or `?token=` in the URL (Hikvision without it).
 * Digest is not supported: it needs the secret in clear on the server.
 */
export function presentedSecret(req: FastifyRequest): string | null {
  const header = req.headers['x-webhook-secret'];
  if (typeof header === 'string' && header !== '') return header;
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^basic /i.test(auth)) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0 && colon < decoded.length - 1) return decoded.slice(colon + 1);
  }
  const token = (req.query as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' && token !== '' ? token : null;
}
