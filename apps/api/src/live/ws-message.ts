import { wsClientMessageSchema, type WsClientMessage } from '@ioc/contracts';

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
  const r = wsClientMessageSchema.safeParse(json);
  return r.success
    ? { ok: true, message: r.data }
    : { ok: false, error: r.error.issues.map((i) => i.message).join('; ') };
}
