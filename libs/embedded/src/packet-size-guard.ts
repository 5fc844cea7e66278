import { Duplex, Transform, type TransformCallback } from 'node:stream';
import type { Socket } from 'node:net';

/**
 * Reads the MQTT fixed header of every packet a client sends (type byte, then the "remaining
 * length" varint of RFC MQTT 3.1.1 §2.2.3 / 5.0 §1.5.5) and stops a connection whose next packet
 * is larger than `maxBytes` before its body arrives. Aedes has no packet-size limit: its parser
 * buffers a whole packet, so six 100 MB messages from one device once took the process from
 * 759 MB to 1.6 GB. Bodies are skipped, not parsed, so the cost is a few bytes per packet.
 */
export class PacketSizeGuard extends Transform {
  private state: 'type' | 'length' | 'body' = 'type';
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private remaining = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly onRefused: (bytes: number) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.state === 'body') {
        const n = Math.min(this.remaining, chunk.length - i);
        this.remaining -= n;
        i += n;
        if (this.remaining === 0) this.state = 'type';
      } else if (this.state === 'type') {
        i++;
        this.state = 'length';
        this.length = 0;
        this.multiplier = 1;
        this.lengthBytes = 0;
      } else {
        const byte = chunk[i++] ?? 0;
        this.length += (byte & 0x7f) * this.multiplier;
        this.multiplier *= 128;
        this.lengthBytes++;
        if (byte & 0x80) {
          // At most four length bytes; a fifth means the stream is not MQTT.
          if (this.lengthBytes === 4) {
            this.refuse(Number.POSITIVE_INFINITY, done);
            return;
          }
          continue;
        }
        const total = 1 + this.lengthBytes + this.length;
        if (total > this.maxBytes) {
          this.refuse(total, done);
          return;
        }
        this.remaining = this.length;
        this.state = this.remaining > 0 ? 'body' : 'type';
      }
    }
    done(null, chunk);
  }

  private refuse(bytes: number, done: TransformCallback): void {
    this.onRefused(bytes);
    done(new Error(`MQTT packet of ${bytes} bytes is over the ${this.maxBytes}-byte limit`));
  }
}

/**
 * The socket as Aedes should see it: reads pass through a PacketSizeGuard, writes go straight
 * out. When the guard refuses a packet the socket is destroyed, so the client's connection ends
 * without the oversized body ever being buffered.
 */
export function guardedConnection(
  socket: Socket,
  maxBytes: number,
  onRefused: (bytes: number) => void,
): Duplex {
  const guard = new PacketSizeGuard(maxBytes, onRefused);
  guard.on('error', () => {
    socket.destroy();
  });
  socket.pipe(guard);
  const conn = Duplex.from({ readable: guard, writable: socket });
  // Aedes listens on the connection for as many events as it handles packets concurrently.
  conn.setMaxListeners(0);
  return conn;
}
