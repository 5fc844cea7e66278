import type { DeviceRecord, DeviceRepository } from './device.repository';
import { hashToken, verifyToken } from './credentials';
import { IngestUnavailableError } from '../writer/backpressure.error';

interface Entry {
  device: DeviceRecord | null;
  at: number;
}

/**
 * Read-through cache of device records for the hot path (every MQTT message, HTTP request).
 *
 * - Per-message lookups (`get`, `getByDevEui`, `frontedBy`) are cached for `ttlMs`; unknown ids
 *   briefly too, so a misconfigured device retrying in a loop costs one query per TTL. Lookups
 *   of the same id in flight share one query (a burst of 10k messages from a device not yet
 *   cached is one query, not 10k), and an expired known device is served while it refreshes.
 * - Credentials are always checked against the database (`authenticate`, `byToken`): a token
 *   rotated by `ioc devices rotate` — in this process or any other — stops working for the
 *   next CONNECT or request at once. CONNECTs are rare and a token lookup is one index probe.
 * - While the database is unreachable, the last known records are served (stale) so known
 *   devices keep flowing into the writer's buffer; an unknown one gets IngestUnavailableError
 *   (HTTP 503 + Retry-After, MQTT: message not acknowledged, redelivered later).
 */
export class DeviceDirectory {
  private readonly byId = new Map<string, Entry>();
  private readonly byEui = new Map<string, Entry>();
  private readonly byTokenHash = new Map<string, Entry>();
  private gatewayChildren: { map: Map<string, Set<string>>; at: number } | undefined;
  private readonly loading = new Map<string, Promise<DeviceRecord | null>>();
  private listing: Promise<DeviceRecord[]> | undefined;
  /** Bumped by `invalidate`, so a lookup that started before it does not refill the cache. */
  private epoch = 0;

  constructor(
    private readonly repo: DeviceRepository,
    private readonly ttlMs = 30_000,
    private readonly negativeTtlMs = 5_000,
  ) {}

  /** The cached record when it is fresh, synchronously; undefined means "ask `get`". */
  peek(id: string): DeviceRecord | undefined {
    const hit = this.byId.get(id);
    return hit?.device && Date.now() - hit.at < this.ttlMs ? hit.device : undefined;
  }

  async get(id: string): Promise<DeviceRecord | null> {
    const hit = this.byId.get(id);
    if (hit && Date.now() - hit.at < (hit.device ? this.ttlMs : this.negativeTtlMs))
      return hit.device;
    if (hit?.device) {
      // Known but due for a refresh: answer now, refresh once in the background (a failure
      // keeps the entry: the database may be down, the device has not changed).
      this.load(id).catch(() => undefined);
      return hit.device;
    }
    // Unknown (or negatively cached): wait, so a device just registered is seen at once.
    try {
      return await this.load(id);
    } catch (err) {
      if (hit) return hit.device;
      throw unavailable(err);
    }
  }

  /** One query per id however many callers ask at once. */
  private load(id: string): Promise<DeviceRecord | null> {
    const pending = this.loading.get(id);
    if (pending) return pending;
    const epoch = this.epoch;
    const at = Date.now();
    const p = this.repo
      .get(id)
      .then((device) => {
        if (epoch === this.epoch) this.byId.set(id, { device, at });
        return device;
      })
      .finally(() => {
        if (this.loading.get(id) === p) this.loading.delete(id);
      });
    this.loading.set(id, p);
    return p;
  }

  /** All devices, one query however many callers ask at once. */
  private list(): Promise<DeviceRecord[]> {
    this.listing ??= this.repo.list().finally(() => {
      this.listing = undefined;
    });
    return this.listing;
  }

  async getByDevEui(devEui: string): Promise<DeviceRecord | null> {
    const key = devEui.toLowerCase();
    const hit = this.byEui.get(key);
    const now = Date.now();
    if (hit && now - hit.at < (hit.device ? this.ttlMs : this.negativeTtlMs)) return hit.device;
    let all: DeviceRecord[];
    try {
      all = await this.list();
    } catch (err) {
      if (hit) return hit.device;
      throw unavailable(err);
    }
    for (const d of all)
      if (d.devEui) this.byEui.set(d.devEui.toLowerCase(), { device: d, at: now });
    const found = this.byEui.get(key)?.device ?? null;
    if (!found) this.byEui.set(key, { device: null, at: now });
    return found;
  }

  /** MQTT CONNECT: the device's current token, read from the database (stale only while it is down). */
  async authenticate(id: string, token: string): Promise<DeviceRecord | null> {
    let d: DeviceRecord | null;
    try {
      d = await this.repo.get(id);
      this.byId.set(id, { device: d, at: Date.now() });
    } catch (err) {
      const hit = this.byId.get(id);
      if (!hit) throw unavailable(err);
      d = hit.device;
    }
    return d && verifyToken(token, d.tokenHash) ? d : null;
  }

  /** Resolves an HTTP bearer token to its device or gateway (tokens are unique by hash). */
  async byToken(token: string): Promise<DeviceRecord | null> {
    const hash = hashToken(token);
    try {
      const device = await this.repo.getByTokenHash(hash);
      this.byTokenHash.set(hash, { device, at: Date.now() });
      if (device) this.byId.set(device.id, { device, at: Date.now() });
      return device;
    } catch (err) {
      const hit = this.byTokenHash.get(hash);
      if (hit?.device && hit.device.tokenHash === hash) return hit.device;
      throw unavailable(err);
    }
  }

  /** Device ids a gateway may speak for (devices whose gateway_id is the gateway). */
  async frontedBy(gatewayId: string): Promise<Set<string>> {
    const now = Date.now();
    if (!this.gatewayChildren || now - this.gatewayChildren.at >= this.ttlMs) {
      try {
        const map = new Map<string, Set<string>>();
        for (const d of await this.list()) {
          if (!d.gatewayId) continue;
          let set = map.get(d.gatewayId);
          if (!set) map.set(d.gatewayId, (set = new Set()));
          set.add(d.id);
        }
        this.gatewayChildren = { map, at: now };
      } catch (err) {
        if (!this.gatewayChildren) throw unavailable(err);
      }
    }
    return this.gatewayChildren.map.get(gatewayId) ?? new Set();
  }

  /** Called after registration or token rotation so the change applies at once. */
  invalidate(id?: string): void {
    this.epoch++;
    if (id === undefined) {
      this.byId.clear();
      this.byTokenHash.clear();
    } else {
      const old = this.byId.get(id)?.device;
      if (old) this.byTokenHash.delete(old.tokenHash);
      this.byId.delete(id);
    }
    this.byEui.clear();
    this.gatewayChildren = undefined;
  }
}

function unavailable(err: unknown): Error {
  // A query error that is not about reaching the database is a bug worth surfacing as is.
  const code = (err as { code?: string }).code ?? '';
  const connection =
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|57P0[1-3]|08\d{3})$/.test(code) ||
    /connect|terminat|timeout|Connection/i.test((err as Error).message);
  return connection ? new IngestUnavailableError() : (err as Error);
}
