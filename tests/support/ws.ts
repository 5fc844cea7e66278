import WebSocket from 'ws';
import type { WsServerMessage } from '@ioc/contracts';

export interface TestWsClient {
  messages: WsServerMessage[];
  send(msg: unknown): void;
  next(pred: (m: WsServerMessage) => boolean, timeoutMs?: number): Promise<WsServerMessage>;
  close(): void;
}

/**
 * Opens /ws. A session `token` is sent as the first message, as the web app does (sessions never
 * ride in URLs); a wall's display token goes in `path` as `?token=`.
 */
export async function openWs(httpUrl: string, path = '/ws', token?: string): Promise<TestWsClient> {
  const ws = new WebSocket(httpUrl.replace(/^http/, 'ws') + path);
  const messages: WsServerMessage[] = [];
  const waiters: {
    pred: (m: WsServerMessage) => boolean;
    resolve: (m: WsServerMessage) => void;
  }[] = [];
  ws.on('message', (data: Buffer) => {
    const m = JSON.parse(data.toString()) as WsServerMessage;
    messages.push(m);
    for (const w of [...waiters]) {
      if (w.pred(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => {
      resolve();
    });
    ws.once('error', reject);
  });
  // The server handles a connection's messages in order: what is sent next is authenticated.
  if (token !== undefined) ws.send(JSON.stringify({ type: 'auth', token }));
  return {
    messages,
    send: (msg) => {
      ws.send(JSON.stringify(msg));
    },
    next: (pred, timeoutMs = 10_000) => {
      const hit = messages.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => {
          reject(new Error('timed out waiting for a WebSocket message'));
        }, timeoutMs);
        waiters.push({
          pred,
          resolve: (m) => {
            clearTimeout(t);
            resolve(m);
          },
        });
      });
    },
    close: () => {
      ws.close();
    },
  };
}
