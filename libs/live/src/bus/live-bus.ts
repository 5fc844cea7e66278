import type {
  CitizenChanged,
  IndicatorChanged,
  ReadingDelta,
  ReportChanged,
  TaskChanged,
  WallChanged,
} from '@ioc/contracts';
import type { AlertView } from '../alerts/alert-view';
import type { RollupUpdate } from '../rollups/rollup-push';

/**
 * What travels between API instances so every instance's WebSocket clients see every
 * instance's writes. Items are small and self-contained so they can be packed into
 * size-limited messages (PostgreSQL NOTIFY payloads must stay under 8000 bytes).
 */
export type BusItem =
  | { t: 'r'; d: ReadingDelta }
  | { t: 'u'; u: RollupUpdate }
  | { t: 'a'; a: AlertView }
  /** An alert too large for one NOTIFY payload: receivers load it by id (the AMQP bus never needs it). */
  | { t: 'A'; id: string }
  /** Alert rules changed: drop cached rules. */
  | { t: 'rules' }
  /** A unit's wall configuration was saved. */
  | { t: 'w'; w: WallChanged }
  /** An indicator report was saved. */
  | { t: 'i'; i: IndicatorChanged }
  /** A plan task changed. */
  | { t: 'k'; k: TaskChanged }
  /** A report period changed state. */
  | { t: 'p'; p: ReportChanged }
  /** A citizen report changed; `f`: the unit a transfer moved it from. */
  | { t: 'c'; c: CitizenChanged; f?: string };

export interface LiveBus {
  readonly kind: 'local' | 'pg-notify' | 'amqp';
  /**
   * Sends to the other instances (never delivered back to this one). What they publish arrives
   * through the handler given to the bus's constructor.
   */
  publish(item: BusItem): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** One process: nothing to tell anyone (embedded mode). */
export class LocalBus implements LiveBus {
  readonly kind = 'local' as const;
  publish(): void {
    // Single instance: local subscribers were served directly.
  }
  start(): Promise<void> {
    return Promise.resolve();
  }
  stop(): Promise<void> {
    return Promise.resolve();
  }
}

/** Envelope on the wire: origin instance id and a batch of items. */
export interface BusEnvelope {
  o: string;
  i: BusItem[];
}

/**
 * Packs items into envelopes whose UTF-8 JSON stays within `maxBytes`. An item that cannot fit
 * even alone is passed to `oversize` (the caller replaces or drops it).
 */
export function packEnvelopes(
  origin: string,
  items: readonly BusItem[],
  maxBytes: number,
  oversize: (item: BusItem) => BusItem | null,
): string[] {
  const head = `{"o":${JSON.stringify(origin)},"i":[`;
  const overhead = Buffer.byteLength(head) + 2;
  const out: string[] = [];
  let parts: string[] = [];
  let size = overhead;
  const flush = () => {
    if (parts.length === 0) return;
    out.push(`${head}${parts.join(',')}]}`);
    parts = [];
    size = overhead;
  };
  for (const original of items) {
    let text = JSON.stringify(original);
    let bytes = Buffer.byteLength(text);
    if (bytes + overhead > maxBytes) {
      const replacement = oversize(original);
      if (!replacement) continue;
      text = JSON.stringify(replacement);
      bytes = Buffer.byteLength(text);
      if (bytes + overhead > maxBytes) continue;
    }
    if (size + bytes + (parts.length > 0 ? 1 : 0) > maxBytes) flush();
    parts.push(text);
    size += bytes + (parts.length > 1 ? 1 : 0);
  }
  flush();
  return out;
}

/**
 * Packs items into envelopes of about `softMaxBytes` each (a message size that keeps latency and
 * the broker's per-message cost low), without a hard limit: an item larger than that travels
 * alone and whole. The AMQP bus uses this; its broker takes messages of many megabytes.
 */
export function batchEnvelopes(
  origin: string,
  items: readonly BusItem[],
  softMaxBytes: number,
): string[] {
  const head = `{"o":${JSON.stringify(origin)},"i":[`;
  const overhead = Buffer.byteLength(head) + 2;
  const out: string[] = [];
  let parts: string[] = [];
  let size = overhead;
  for (const item of items) {
    const text = JSON.stringify(item);
    const bytes = Buffer.byteLength(text) + 1;
    if (parts.length > 0 && size + bytes > softMaxBytes) {
      out.push(`${head}${parts.join(',')}]}`);
      parts = [];
      size = overhead;
    }
    parts.push(text);
    size += bytes;
  }
  if (parts.length > 0) out.push(`${head}${parts.join(',')}]}`);
  return out;
}

export function parseEnvelope(text: string): BusEnvelope | null {
  try {
    const v = JSON.parse(text) as Partial<BusEnvelope>;
    return typeof v.o === 'string' && Array.isArray(v.i) ? (v as BusEnvelope) : null;
  } catch {
    return null;
  }
}
