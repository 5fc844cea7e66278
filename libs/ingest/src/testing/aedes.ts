import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes } from 'aedes';

/**
 * An in-process Aedes on a loopback port that records which QoS 1 messages a client
 * acknowledged (the broker's 'ack' event fires when the PUBACK reaches it).
 */
export async function startAedes(ackingClientId: string) {
  const aedes = await Aedes.createBroker();
  const acked: string[] = [];
  aedes.on('ack', (packet, client) => {
    if (client.id === ackingClientId && 'payload' in packet) acked.push(String(packet.payload));
  });
  const server: Server = createServer(aedes.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `mqtt://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    acked,
    async close() {
      await new Promise<void>((resolve) => {
        aedes.close(() => {
          resolve();
        });
      });
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

export async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
