import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/**
 * A local HTTP endpoint for webhook specs: answers each POST with the next status of `statuses`
 * (then 204), or never answers while `hang` is set; records what it received.
 */
export async function webhookReceiver() {
  const received: Received[] = [];
  const state = { statuses: [] as number[], hang: false };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({
        path: req.url ?? '',
        headers: req.headers,
        body: text === '' ? null : (JSON.parse(text) as unknown),
      });
      if (state.hang) return;
      const status = state.statuses.shift() ?? 204;
      if (status >= 300 && status < 400) res.setHeader('location', '/elsewhere');
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    base,
    received,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
