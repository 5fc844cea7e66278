import { z } from 'zod';
import type { WsClientMessage } from '@ioc/contracts';

const schema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), channels: z.array(z.string().max(64)).max(200) }),
  z.object({ type: z.literal('unsubscribe'), channels: z.array(z.string().max(64)).max(200) }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('auth'), token: z.string().min(1).max(256) }),
]);

export function parseClientMessage(
  data: Buffer,
): { ok: true; message: WsClientMessage } | { ok: false; error: string } {
  if (data.length > 16_384) return { ok: false, error: 'message too large' };
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch {
    return { ok: false, error: 'message is not JSON' };
  }
  const r = schema.safeParse(json);
  return r.success
    ? { ok: true, message: r.data }
    : { ok: false, error: r.error.issues.map((i) => i.message).join('; ') };
}
