/**
 * bench:ws's peer: a bare `ws` WebSocketServer in its own process that answers any message
 * with `subscribed` and, when asked, sends the bench's frames to every client in a plain loop —
 * each frame encoded once and handed to `send` as the same Buffer, the cheapest a Node server
 * can broadcast with `ws`. No authentication, channels, backpressure checks or bookkeeping.
 *
 *   node --import tsx tools/bench/support/bare-ws-server.ts
 *
 * Requests (see ws-ipc.ts): listen → port; drive {mode, count, rate} → {startedAt, cpu} (the
 * CPU usage when the loop began); cpu → this process's CPU usage now; close.
 */
import { WebSocketServer } from 'ws';
import { citizenFrame, paced, saturate } from './ws-broadcast';
import { serveRequests } from './ws-ipc';

const TEXT = { binary: false } as const;
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
const listening = new Promise<void>((resolve) => wss.once('listening', resolve));

wss.on('connection', (ws) => {
  ws.on('message', (data: Buffer) => {
    const m = JSON.parse(data.toString('utf8')) as { channels?: string[] };
    ws.send(JSON.stringify({ type: 'subscribed', channels: m.channels ?? [] }));
  });
});

function broadcast(i: number): void {
  const frame = citizenFrame(i);
  for (const ws of wss.clients) ws.send(frame, TEXT);
}

serveRequests(async (m) => {
  switch (m.cmd) {
    case 'listen': {
      await listening;
      const address = wss.address();
      if (address === null || typeof address === 'string')
        throw new Error(`unexpected address ${String(address)}`);
      return address.port;
    }
    case 'drive': {
      const startedAt = Date.now();
      const cpu = process.cpuUsage();
      const count = m.count as number;
      if (m.mode === 'saturate') await saturate(count, broadcast);
      else await paced(count, m.rate as number, broadcast);
      return { startedAt, cpu };
    }
    case 'cpu':
      return process.cpuUsage();
    case 'close':
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      return null;
    default:
      throw new Error(`unknown request ${m.cmd}`);
  }
});
