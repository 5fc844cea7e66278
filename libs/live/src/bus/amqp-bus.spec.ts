import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../common/logger';
import {
  AmqpBus,
  type AmqpBusChannel,
  type AmqpBusConnection,
  type AmqpBusMessage,
} from './amqp-bus';
import { batchEnvelopes, parseEnvelope, type BusItem } from './live-bus';

const delta = (i: number): BusItem => ({
  t: 'r',
  d: {
    deviceId: `aq-${String(i)}`,
    unitCode: '20314',
    time: '2026-01-01T00:00:00.000Z',
    values: { pm25: i },
  },
});
const bigAlert = {
  t: 'a',
  a: { id: 'big', message: 'Mực nước vượt báo động III '.repeat(600) },
} as unknown as BusItem;

/** An in-memory fanout exchange: what one channel publishes reaches every bound consumer. */
class FakeBroker {
  readonly consumers = new Map<string, { conn: FakeConnection; fn: (m: AmqpBusMessage) => void }>();
  readonly down = new Set<string>();
  /** Nodes that take publishes without delivering or confirming them (about to die). */
  readonly silent = new Set<string>();
  messages = 0;
  readonly channels: EventEmitter[] = [];
  private n = 0;
  readonly connect = (url: string): Promise<AmqpBusConnection> => {
    if (this.down.has(url)) return Promise.reject(new Error(`connect ECONNREFUSED ${url}`));
    return Promise.resolve(new FakeConnection(this, url));
  };
  nextQueue(): string {
    return `amq.gen-${String(++this.n)}`;
  }
}

class FakeConnection extends EventEmitter implements AmqpBusConnection {
  constructor(
    readonly broker: FakeBroker,
    readonly url: string,
  ) {
    super();
  }
  createConfirmChannel(): Promise<AmqpBusChannel> {
    const channel = new FakeChannel(this);
    this.broker.channels.push(channel);
    return Promise.resolve(channel);
  }
  close(): Promise<void> {
    this.die();
    return Promise.resolve();
  }
  /** The node went away: its exclusive queues go with it. */
  die(): void {
    for (const [q, c] of this.broker.consumers)
      if (c.conn === this) this.broker.consumers.delete(q);
    this.emit('close');
  }
}

class FakeChannel extends EventEmitter implements AmqpBusChannel {
  constructor(private readonly conn: FakeConnection) {
    super();
  }
  assertExchange(): Promise<unknown> {
    return Promise.resolve({});
  }
  assertQueue(): Promise<{ queue: string }> {
    return Promise.resolve({ queue: this.conn.broker.nextQueue() });
  }
  bindQueue(): Promise<unknown> {
    return Promise.resolve({});
  }
  consume(queue: string, fn: (m: AmqpBusMessage | null) => void): Promise<unknown> {
    this.conn.broker.consumers.set(queue, { conn: this.conn, fn });
    return Promise.resolve({});
  }
  publish(
    _e: string,
    _k: string,
    content: Buffer,
    options: { headers: Record<string, string> },
    confirmed?: (err: unknown) => void,
  ) {
    // A node that holds back its confirms (then dies): nothing delivered, nothing confirmed.
    if (this.conn.broker.silent.has(this.conn.url)) return true;
    this.conn.broker.messages++;
    for (const c of this.conn.broker.consumers.values())
      queueMicrotask(() => {
        c.fn({ content, properties: { headers: options.headers } });
      });
    queueMicrotask(() => confirmed?.(null));
    return true;
  }
}

describe('batchEnvelopes', () => {
  it('cuts a batch into messages of about the soft size and loses nothing', () => {
    const items = Array.from({ length: 2000 }, (_, i) => delta(i));
    const messages = batchEnvelopes('me', items, 16 * 1024);
    expect(messages.length).toBeGreaterThan(4);
    for (const m of messages) expect(Buffer.byteLength(m)).toBeLessThanOrEqual(16 * 1024);
    expect(messages.flatMap((m) => parseEnvelope(m)?.i ?? [])).toEqual(items);
  });

  it('sends an item larger than the soft size alone and whole', () => {
    const messages = batchEnvelopes('me', [delta(1), bigAlert, delta(2)], 8000);
    expect(messages.map((m) => parseEnvelope(m)?.i)).toEqual([[delta(1)], [bigAlert], [delta(2)]]);
  });
});

describe('AmqpBus', () => {
  async function pair(broker: FakeBroker) {
    const gotA: BusItem[] = [];
    const gotB: BusItem[] = [];
    const a = new AmqpBus(
      { urls: ['amqp://n1', 'amqp://n2'], connect: broker.connect },
      silentLogger,
      (i) => gotA.push(i),
    );
    const b = new AmqpBus(
      { urls: ['amqp://n2', 'amqp://n1'], connect: broker.connect },
      silentLogger,
      (i) => gotB.push(i),
    );
    await a.start();
    await b.start();
    return { a, b, gotA, gotB };
  }

  it('delivers to the other instance, never back to the sender, one message per turn', async () => {
    const broker = new FakeBroker();
    const { a, b, gotA, gotB } = await pair(broker);
    const items = Array.from({ length: 300 }, (_, i) => delta(i));
    for (const i of items) a.publish(i);
    b.publish(bigAlert);
    await a.idle();
    await b.idle();
    await vi.waitFor(() => {
      expect(gotB).toHaveLength(300);
      expect(gotA).toHaveLength(1);
    });
    expect(gotB).toEqual(items);
    expect(gotA).toEqual([bigAlert]);
    expect(broker.messages).toBe(2);
    expect(a.stats).toMatchObject({ sent: 300, received: 1, dropped: 0 });
    await a.stop();
    await b.stop();
  });

  it('starts on the next node when the first refuses, and fails over when its node dies', async () => {
    const broker = new FakeBroker();
    broker.down.add('amqp://n1');
    const got: BusItem[] = [];
    const a = new AmqpBus(
      { urls: ['amqp://n1', 'amqp://n2'], connect: broker.connect, reconnectMs: 5 },
      silentLogger,
      () => undefined,
    );
    const b = new AmqpBus({ urls: ['amqp://n2'], connect: broker.connect }, silentLogger, (i) =>
      got.push(i),
    );
    await a.start();
    await b.start();
    expect(a.connected).toBe(true);

    // n2 dies under a; n1 is back. Published while disconnected: sent once a is back.
    broker.down.delete('amqp://n1');
    const aConn = [...broker.consumers.values()].find((c) => c.conn.url === 'amqp://n2')?.conn;
    aConn?.die();
    await b.stop();
    const b2 = new AmqpBus({ urls: ['amqp://n1'], connect: broker.connect }, silentLogger, (i) =>
      got.push(i),
    );
    await b2.start();
    a.publish(delta(1));
    await vi.waitFor(() => {
      expect(a.connected).toBe(true);
    });
    expect(a.stats.reconnects).toBeGreaterThan(0);
    a.publish(delta(2));
    await vi.waitFor(() => {
      expect(got).toContainEqual(delta(2));
    });
    await a.stop();
    await b2.stop();
  });

  it('starts afresh when the broker closes its channel (the connection stays up)', async () => {
    const broker = new FakeBroker();
    const got: BusItem[] = [];
    const a = new AmqpBus(
      { urls: ['amqp://n1'], connect: broker.connect, reconnectMs: 5 },
      silentLogger,
      () => undefined,
    );
    const b = new AmqpBus({ urls: ['amqp://n1'], connect: broker.connect }, silentLogger, (i) =>
      got.push(i),
    );
    await a.start();
    await b.start();
    broker.channels[0]?.emit('error', new Error('PRECONDITION_FAILED'));
    expect(a.connected).toBe(false);
    await vi.waitFor(() => {
      expect(a.connected).toBe(true);
    });
    a.publish(delta(7));
    await vi.waitFor(() => {
      expect(got).toEqual([delta(7)]);
    });
    await a.stop();
    await b.stop();
  });

  it('keeps what is published while no node is reachable and sends it once one is back', async () => {
    const broker = new FakeBroker();
    const got: BusItem[] = [];
    const a = new AmqpBus(
      { urls: ['amqp://n1', 'amqp://n2'], connect: broker.connect, reconnectMs: 5 },
      silentLogger,
      () => undefined,
    );
    await a.start();
    broker.down.add('amqp://n1');
    broker.down.add('amqp://n2');
    for (const c of broker.consumers.values()) c.conn.die();
    a.publish(delta(1));
    a.publish(delta(2));
    expect(a.connected).toBe(false);
    const b = new AmqpBus({ urls: ['amqp://n2'], connect: broker.connect }, silentLogger, (i) =>
      got.push(i),
    );
    broker.down.delete('amqp://n2');
    await b.start();
    await vi.waitFor(() => {
      expect(got).toEqual([delta(1), delta(2)]);
    });
    expect(a.stats.dropped).toBe(0);
    await a.stop();
    await b.stop();
  });

  it('sends again on the next node what its dead node never confirmed', async () => {
    const broker = new FakeBroker();
    const got: BusItem[] = [];
    const b = new AmqpBus({ urls: ['amqp://n2'], connect: broker.connect }, silentLogger, (i) =>
      got.push(i),
    );
    await b.start();
    const a = new AmqpBus(
      { urls: ['amqp://n1', 'amqp://n2'], connect: broker.connect, reconnectMs: 5 },
      silentLogger,
      () => undefined,
    );
    await a.start();
    // n1 takes the publish but neither routes nor confirms it, then dies.
    broker.silent.add('amqp://n1');
    a.publish(delta(3));
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual([]);
    broker.down.add('amqp://n1');
    [...broker.consumers.values()].find((c) => c.conn.url === 'amqp://n1')?.conn.die();
    await vi.waitFor(() => {
      expect(got).toEqual([delta(3)]);
    });
    expect(a.stats).toMatchObject({ sent: 1, dropped: 0 });
    await a.stop();
    await b.stop();
  });

  it('refuses to start when no node answers', async () => {
    const broker = new FakeBroker();
    broker.down.add('amqp://n1');
    const a = new AmqpBus(
      { urls: ['amqp://n1'], connect: broker.connect },
      silentLogger,
      () => undefined,
    );
    await expect(a.start()).rejects.toThrow(/ECONNREFUSED/);
  });
});
