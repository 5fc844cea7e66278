import { createServer, type Server } from 'node:net';
import { Aedes, type Client, type PublishPacket } from 'aedes';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { guardedConnection } from './packet-size-guard';

export interface BrokerPolicy {
  /** Checks a CONNECT's username/password; resolves to false to refuse with "not authorized". */
  authenticate(username: string, password: string): Promise<boolean>;
  /** May this client publish on this topic? A refusal gets a reason (logged, dead-lettered). */
  authorizePublish(username: string, topic: string): boolean;
  onRejectedPublish?(username: string, topic: string, payload: Buffer): void;
  /**
   * Takes an authorised PUBLISH into the platform. The broker acknowledges it (the QoS 1 PUBACK)
   * only once this resolves, so resolve once the message is durable (stored or dead-lettered);
   * a rejection closes the client's connection unacknowledged and the client sends it again.
   */
  accept(publish: AcceptedPublish): Promise<void>;
  /**
   * A client sent a packet over the size limit: its connection is closed before the body is
   * read. `username` is empty when it had not authenticated yet.
   */
  onOversizePacket?(username: string, bytes: number): void;
  /**
   * Topic prefix anonymous readers may subscribe under (SensorThings MQTT updates, `v1.1/`): a
   * client without a username may CONNECT and SUBSCRIBE to filters below it, and never publish.
   * Unset: a CONNECT without credentials is refused, as before.
   */
  anonymousReadPrefix?: string;
}

/** Where the broker listens and what it takes. */
export interface BrokerListen {
  /** First port tried (a following free one when taken; 0 = any). */
  port: number;
  /** Interface to bind (the platform's HOST): 127.0.0.1 keeps devices on this machine. */
  host: string;
  /** Largest MQTT packet a client may send, header and topic included. */
  maxPacketBytes: number;
  /**
   * Failed CONNECTs an address may make per minute; past it, its CONNECTs are refused without
   * checking credentials for the next minute (default 10).
   */
  maxFailedConnectsPerMinute?: number;
}

export interface AcceptedPublish {
  username: string;
  topic: string;
  payload: Buffer;
  receivedAt: Date;
  /** False once the connection it came on has closed (its acknowledgement can no longer go). */
  connectionOpen(): boolean;
}

export interface EmbeddedBroker {
  port: number;
  /** True when the configured port was taken and a following free one was used. */
  moved: boolean;
  aedes: Aedes;
  /** Ends every open connection authenticated as `username` (after its token changed). */
  disconnectUser(username: string): number;
  /** The platform's own message to subscribers (QoS 0, not retained); no policy applies. */
  publish(topic: string, payload: string): void;
  close(): Promise<void>;
}

const USERNAME = Symbol('ioc.username');
/** Set on a client that connected without a username: a reader of the public prefix only. */
const ANONYMOUS = Symbol('ioc.anonymous');
const ADDRESS = Symbol('ioc.address');
type AuthedClient = Client & { [USERNAME]?: string; [ADDRESS]?: string; [ANONYMOUS]?: true };

/** How long `close()` waits for accepted messages to become durable and be acknowledged. */
const DRAIN_MS = 10_000;

/**
 * In-process Aedes broker for the embedded run mode. Identity comes from the CONNECT
 * credentials, never from the topic: each PUBLISH is checked against the authenticated name.
 *
 * Acknowledge after commit: Aedes writes a QoS 1 PUBACK as soon as `authorizePublish` calls back
 * (lib/handlers/publish.js), and the broker dies with the platform, so the platform takes each
 * PUBLISH right there (`policy.accept`) and the callback waits until the message is durable.
 * No device subscribes (devices only publish): the only subscribers are anonymous readers of
 * `anonymousReadPrefix`, which no device may publish under, so a device's PUBLISH reaches no
 * one but the platform; the platform publishes there in-process (`aedes.publish`, unchecked).
 * Throughput holds because Aedes handles a whole socket read of a client concurrently and the
 * writer batches across clients; a client whose messages wait delays only its own next read.
 */
export async function startEmbeddedBroker(
  listen: BrokerListen,
  policy: BrokerPolicy,
): Promise<EmbeddedBroker> {
  /** Accepted messages not yet durable: `close()` lets them finish so their PUBACKs go out. */
  const pending = new Set<Promise<void>>();
  let closing = false;
  const failuresAllowed = listen.maxFailedConnectsPerMinute ?? 10;
  const failures = new RateLimiterMemory({ points: failuresAllowed, duration: 60 });
  const aedes = await Aedes.createBroker({
    // Packets a client sends right behind its CONNECT wait here while it is authenticated.
    queueLimit: 100_000,
    authenticate: (client, username, password, done) => {
      if (username === undefined && password === undefined && policy.anonymousReadPrefix) {
        // A reader of public data: no identity, nothing to check or throttle; the
        // authorize* hooks below confine it to subscribing under the prefix.
        (client as AuthedClient)[ANONYMOUS] = true;
        done(null, true);
        return;
      }
      const user = username ?? '';
      const address = (client as AuthedClient)[ADDRESS] ?? '?';
      const refuse = () => {
        done(Object.assign(new Error('Bad username or password'), { returnCode: 4 }), false);
      };
      failures
        .get(address)
        .then(async (seen) => {
          // An address that keeps failing is refused unheard: no token lookup, no hashing.
          if (seen !== null && seen.consumedPoints >= failuresAllowed) {
            refuse();
            return;
          }
          const ok = await policy.authenticate(user, password ? password.toString('utf8') : '');
          if (ok) {
            (client as AuthedClient)[USERNAME] = user;
            done(null, true);
            return;
          }
          await failures.penalty(address, 1);
          refuse();
        })
        .catch(() => {
          done(Object.assign(new Error('Server unavailable'), { returnCode: 3 }), false);
        });
    },
    authorizePublish: (client, packet: PublishPacket, done) => {
      const authed: AuthedClient | null = client;
      const user = authed ? (authed[USERNAME] ?? '') : '';
      if (packet.topic.startsWith('$SYS')) {
        done(new Error('$SYS is reserved'));
        return;
      }
      if (authed?.[ANONYMOUS]) {
        // Readers never publish (a forged observation): refused before anything is taken or
        // dead-lettered, so an anonymous flood costs no storage; Aedes drops the connection.
        done(new Error('anonymous readers may not publish'));
        return;
      }
      const payload = packet.payload as Buffer;
      if (!policy.authorizePublish(user, packet.topic)) {
        policy.onRejectedPublish?.(user, packet.topic, payload);
        done(new Error(`client ${user} may not publish to ${packet.topic}`));
        return;
      }
      if (closing) {
        // Shutting down: unacknowledged, so the device sends it to the next process.
        done(new Error('broker is closing'));
        return;
      }
      // Nothing subscribes, so the broker need not keep it as retained either.
      packet.retain = false;
      const accepted = policy.accept({
        username: user,
        topic: packet.topic,
        payload,
        receivedAt: new Date(),
        connectionOpen: () => authed !== null && !authed.closed,
      });
      pending.add(accepted);
      accepted.then(
        () => {
          pending.delete(accepted);
          done(null);
        },
        (err: unknown) => {
          pending.delete(accepted);
          done(err instanceof Error ? err : new Error(String(err)));
        },
      );
    },
    authorizeSubscribe: (client, sub, done) => {
      const prefix = policy.anonymousReadPrefix;
      const reader = (client as AuthedClient | null)?.[ANONYMOUS] === true;
      if (reader && prefix && isUnder(sub.topic, prefix)) {
        done(null, sub);
        return;
      }
      // Failure code 0x80 in the SUBACK; the connection stays.
      done(null, null);
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
  const server = createServer((socket) => {
    const address = socket.remoteAddress ?? '?';
    const client: AuthedClient = aedes.handle(
      guardedConnection(socket, listen.maxPacketBytes, (bytes) => {
        policy.onOversizePacket?.(client[USERNAME] ?? '', bytes);
      }),
    );
    // Read by authenticate, which runs once the CONNECT arrives (after this returns).
    client[ADDRESS] = address;
  });
  const { port, moved } = await listenFrom(server, listen.port, listen.host);
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
    publish: (topic, payload) => {
      aedes.publish(
        { cmd: 'publish', topic, payload: Buffer.from(payload), qos: 0, retain: false, dup: false },
        () => undefined,
      );
    },
    close: async () => {
      closing = true;
      // Connected clients keep the server open until aedes.close ends their sessions.
      const serverClosed = new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      // What was taken becomes durable and is acknowledged before the sessions end.
      await drain(pending, DRAIN_MS);
      await new Promise<void>((resolve) => {
        aedes.close(() => {
          resolve();
        });
      });
      await serverClosed;
    },
  };
}

/**
 * Whether a subscription filter covers only topics under `prefix` (which ends with '/'):
 * wildcards are fine below it, never in or above it (`+/…`, `#`, `$share/…` are not under).
 */
export function isUnder(filter: string, prefix: string): boolean {
  return filter.startsWith(prefix) && filter.length > prefix.length;
}

async function drain(pending: Set<Promise<void>>, timeoutMs: number): Promise<void> {
  if (pending.size > 0) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    // Nothing new is taken while closing, so waiting on today's set is enough.
    await Promise.race([Promise.allSettled([...pending]), timeout]);
    clearTimeout(timer);
  }
  // The PUBACKs just written sit in corked sockets until the next tick (mqtt-packet): let them
  // out before the connections are destroyed.
  await new Promise((resolve) => setImmediate(resolve));
}

async function listenFrom(
  server: Server,
  preferred: number,
  host: string,
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
      server.listen(port, host);
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
