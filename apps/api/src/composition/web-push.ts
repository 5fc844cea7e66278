import webpush from 'web-push';
import type { ApiConfig } from '@ioc/config';
import type { Queryable } from '@ioc/db';
import type { LiveOperationsDeps, PushSender } from '@ioc/live';

type PushDeps = NonNullable<LiveOperationsDeps['push']>;

/** A day: a tablet off overnight still gets the message when it wakes (RFC 8030 TTL). */
const TTL_S = 86_400;

/**
 * Web Push through the maintained `web-push` library, signed with the platform's VAPID keys
 * and delivered straight to each browser's push service — no relay in between. The keys come
 * from the config, or are generated once and kept in `vapid_key` (every replica reads the same
 * row; the first to insert wins). Undefined when WEB_PUSH is off.
 */
export async function webPush(
  config: Pick<
    ApiConfig,
    | 'WEB_PUSH'
    | 'VAPID_PUBLIC_KEY'
    | 'VAPID_PRIVATE_KEY'
    | 'VAPID_SUBJECT'
    | 'PUSH_ALLOW_HTTP_ENDPOINTS'
  >,
  db: Queryable,
): Promise<PushDeps | undefined> {
  if (!config.WEB_PUSH) return undefined;
  const keys = await vapidKeys(config, db);
  const vapidDetails = { subject: config.VAPID_SUBJECT, ...keys };
  const sender: PushSender = {
    async send(target, payload) {
      try {
        // web-push encrypts (RFC 8291 aes128gcm) and signs (VAPID); the POST is ours, so a
        // test's local push service can be plain http (web-push itself only speaks https).
        const req = webpush.generateRequestDetails(
          { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
          payload,
          { vapidDetails, TTL: TTL_S, contentEncoding: 'aes128gcm' },
        );
        const res = await fetch(req.endpoint, {
          method: 'POST',
          headers: req.headers as Record<string, string>,
          body: new Uint8Array(req.body),
          signal: AbortSignal.timeout(10_000),
          redirect: 'manual',
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.status >= 200 && res.status < 300) return { ok: true, error: null, gone: false };
        // RFC 8030 §7.3: 404/410 — the subscription has expired or was unsubscribed.
        return {
          ok: false,
          error: `HTTP ${String(res.status)}`,
          gone: res.status === 404 || res.status === 410,
        };
      } catch (err) {
        return { ok: false, error: (err as Error).message.slice(0, 500), gone: false };
      }
    },
  };
  return {
    sender,
    publicKey: keys.publicKey,
    allowHttpEndpoints: config.PUSH_ALLOW_HTTP_ENDPOINTS,
  };
}

async function vapidKeys(
  config: Pick<ApiConfig, 'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY'>,
  db: Queryable,
): Promise<{ publicKey: string; privateKey: string }> {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey } = config;
  if (publicKey !== undefined && privateKey !== undefined) return { publicKey, privateKey };
  if (publicKey !== undefined || privateKey !== undefined)
    throw new Error('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY: set both or neither');
  const fresh = webpush.generateVAPIDKeys();
  // ON CONFLICT DO NOTHING + read back: two replicas starting at once agree on one pair.
  await db.query(
    'INSERT INTO vapid_key (public_key, private_key) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
    [fresh.publicKey, fresh.privateKey],
  );
  const { rows } = await db.query<{ public_key: string; private_key: string }>(
    'SELECT public_key, private_key FROM vapid_key',
  );
  const row = rows[0];
  if (!row) throw new Error('vapid_key: no key pair after insert');
  return { publicKey: row.public_key, privateKey: row.private_key };
}
