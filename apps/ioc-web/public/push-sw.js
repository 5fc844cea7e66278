/* Web Push for the tablet (issue 20.2), imported into the Workbox-generated service worker
 * (vite.config.ts workbox.importScripts) so the precache stays generated as before.
 * The platform sends { title, body, url, alertId, severity } (libs/live notifications/push.ts),
 * encrypted for this browser; a click opens the alert on the tablet. */
/* eslint-disable -- a plain service-worker script, outside the TypeScript project and its typed rules */
self.addEventListener('push', (event) => {
  let msg = {};
  try {
    msg = event.data ? event.data.json() : {};
  } catch (_err) {
    msg = { body: event.data ? event.data.text() : '' };
  }
  const title = msg.title || 'Cảnh báo IOC';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: msg.body || '',
      tag: msg.alertId ? 'alert-' + msg.alertId : undefined,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      lang: 'vi',
      requireInteraction: msg.severity === 'emergency' || msg.severity === 'critical',
      data: { url: msg.url || '/tablet', alertId: msg.alertId || null },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(
    (event.notification.data && event.notification.data.url) || '/tablet',
    self.location.origin,
  );
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((wins) => {
      // An open tablet window is reused (navigated to the alert) rather than opening another.
      for (const w of wins) {
        if (new URL(w.url).pathname.startsWith('/tablet') && 'focus' in w) {
          return w.navigate(url.href).then((c) => (c || w).focus());
        }
      }
      return self.clients.openWindow(url.href);
    }),
  );
});
