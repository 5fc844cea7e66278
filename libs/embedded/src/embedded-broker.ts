import { createServer, type Server } from 'node:net';
import { Aedes, type Client, type PublishPacket } from 'aedes';

export interface BrokerPolicy {
  /** Checks a CONNECT's username/password; resolves to false to refuse with "not authorized". */
  authenticate(username: string, password: string): Promise<boolean>;
  /** May this client publish on this topic? A refusal gets a reason (logged, dead-lettered). */
  authorizePublish(username: string, topic: string): boolean;
  authorizeSubscribe(username: string, topic: string): boolean;
  onRejectedPublish?(username: string, topic: string, payload: Buffer): void;
}

export interface EmbeddedBroker {
  port: number;
  /** True when the configured port was taken and a following free one was used. */
  moved: boolean;
  aedes: Aedes;
  /** Ends every open connection authenticated as `username` (after its token changed). */
  disconnectUser(username: string): number;
  close(): Promise<void>;
}

const USERNAME = Symbol('ioc.username');
type AuthedClient = Client & { [USERNAME]?: string };

/**
 * In-process Aedes broker for the embedded run mode. Identity comes from the CONNECT
 * credentials, never from the topic: each PUBLISH is checked against the authenticated name.
 */
export async function startEmbeddedBroker(
  preferredPort: number,
  policy: BrokerPolicy,
): Promise<EmbeddedBroker> {
  const aedes = await Aedes.createBroker({
    // Large windows: the platform's own collector acknowledges only after a durable write.
    queueLimit: 100_000,
    concurrency: 1000,
    authenticate: (client, username, password, done) => {
      const user = username ?? '';
      policy
        .authenticate(user, password ? password.toString('utf8') : '')
        .then((ok) => {
          if (ok) {
            (client as AuthedClient)[USERNAME] = user;
            done(null, true);
          } else {
            done(Object.assign(new Error('Bad username or password'), { returnCode: 4 }), false);
          }
        })
        .catch(() => {
          done(Object.assign(new Error('Server unavailable'), { returnCode: 3 }), false);
        });
    },
    authorizePublish: (client, packet: PublishPacket, done) => {
      const user = client ? ((client as AuthedClient)[USERNAME] ?? '') : '';
      if (packet.topic.startsWith('$SYS')) {
        done(new Error('$SYS is reserved'));
        return;
      }
      if (policy.authorizePublish(user, packet.topic)) {
        done(null);
        return;
      }
      policy.onRejectedPublish?.(user, packet.topic, packet.payload as Buffer);
      done(new Error(`client ${user} may not publish to ${packet.topic}`));
    },
    authorizeSubscribe: (client, sub, done) => {
      const user = (client as AuthedClient)[USERNAME] ?? '';
      if (policy.authorizeSubscribe(user, sub.topic)) done(null, sub);
      else done(new Error(`client ${user} may not subscribe to ${sub.topic}`), null);
    },
  });
  // Connected clients, so a device's sessions can be ended when its token changes.
  const ready = new Set<AuthedClient>();
  aedes.on('clientReady', (client) => {
    ready.add(client);
  });
  aedes.on('clientDisconnect', (client) => {
    ready.delete(client);
  });
  const server = createServer(aedes.handle);
  const { port, moved } = await listenFrom(server, preferredPort);
  return {
    port,
    moved,
    aedes,
    disconnectUser: (username) => {
      let n = 0;
      for (const client of ready) {
        if (client[USERNAME] !== username) continue;
        ready.delete(client);
        client.close();
        n++;
      }
      return n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          aedes.close(() => {
            resolve();
          });
        });
        // Connected clients keep the server open; aedes.close ends their sessions.
        aedes.close();
      }),
  };
}

async function listenFrom(
  server: Server,
  preferred: number,
): Promise<{ port: number; moved: boolean }> {
  for (let port = preferred; port < preferred + 50; port++) {
    const ok = await new Promise<boolean>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (err.code === 'EADDRINUSE' || err.code === 'EACCES') resolve(false);
        else reject(err);
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, '0.0.0.0');
    });
    if (ok) {
      const addr = server.address();
      return {
        port: typeof addr === 'object' && addr ? addr.port : port,
        moved: port !== preferred,
      };
    }
    if (preferred === 0) break;
  }
  throw new Error(`No free MQTT port in ${preferred}–${preferred + 49}; set MQTT_PORT`);
}
