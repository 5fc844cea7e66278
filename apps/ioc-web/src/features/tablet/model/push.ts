import { vapidPublicKeySchema } from '@ioc/contracts';
import { apiGet, apiSend } from '../../../shared/api/client';
import { SW_SCOPE } from './pwa';

/** base64url (the VAPID public key as the API gives it) → the bytes PushManager wants. */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export type PushState = 'unsupported' | 'denied' | 'off' | 'on';

export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!pushSupported()) return null;
  return (await navigator.serviceWorker.getRegistration(SW_SCOPE)) ?? null;
}

/** Whether this device receives the person's notifications now. */
export async function currentPushState(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const sub = await (await registration())?.pushManager.getSubscription();
  return sub ? 'on' : 'off';
}

/**
 * Asks the browser's permission, subscribes this device with the platform's VAPID key (no
 * third-party relay: the browser's own push service) and registers it with the API.
 */
export async function enablePush(): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  const reg = (await registration()) ?? (await navigator.serviceWorker.ready);
  const { publicKey } = vapidPublicKeySchema.parse(
    await apiGet('/api/v1/me/push-subscriptions/key'),
  );
  const sub =
    (await reg.pushManager.getSubscription()) ??
    (await reg.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64UrlToBytes(publicKey),
    }));
  await apiSend('POST', '/api/v1/me/push-subscriptions', sub.toJSON());
  return 'on';
}

export async function disablePush(): Promise<PushState> {
  const sub = await (await registration())?.pushManager.getSubscription();
  if (sub) {
    await apiSend(
      'DELETE',
      `/api/v1/me/push-subscriptions?endpoint=${encodeURIComponent(sub.endpoint)}`,
    ).catch(() => undefined);
    await sub.unsubscribe();
  }
  return 'off';
}
