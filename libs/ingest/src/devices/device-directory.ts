import type { DeviceRecord, DeviceRepository } from './device.repository';
import { hashToken, verifyToken } from './credentials';

interface Entry {
  device: DeviceRecord | null;
  at: number;
}

/**
 * Read-through cache of device records for the hot path (every MQTT CONNECT and message).
 * Unknown ids are cached briefly too, so a misconfigured device retrying in a loop costs one
 * query per TTL rather than one per message.
 */
export class DeviceDirectory {
  private readonly byId = new Map<string, Entry>();
  private readonly byEui = new Map<string, Entry>();
  private gatewayChildren: Map<string, Set<string>> | undefined;

  constructor(
    private readonly repo: DeviceRepository,
    private readonly ttlMs = 30_000,
    private readonly negativeTtlMs = 5_000,
  ) {}

  async get(id: string): Promise<DeviceRecord | null> {
    const hit = this.byId.get(id);
    const now = Date.now();
    if (hit && now - hit.at < (hit.device ? this.ttlMs : this.negativeTtlMs)) return hit.device;
    const device = await this.repo.get(id);
    this.byId.set(id, { device, at: now });
    return device;
  }

  async getByDevEui(devEui: string): Promise<DeviceRecord | null> {
    const key = devEui.toLowerCase();
    const hit = this.byEui.get(key);
    const now = Date.now();
    if (hit && now - hit.at < (hit.device ? this.ttlMs : this.negativeTtlMs)) return hit.device;
    const all = await this.repo.list();
    for (const d of all) if (d.devEui) this.byEui.set(d.devEui.toLowerCase(), { device: d, at: now });
    const found = this.byEui.get(key)?.device ?? null;
    if (!found) this.byEui.set(key, { device: null, at: now });
    return found;
  }

  async authenticate(id: string, token: string): Promise<DeviceRecord | null> {
    const d = await this.get(id);
    return d && verifyToken(token, d.tokenHash) ? d : null;
  }

  /** Resolves an HTTP bearer token to its device or gateway (tokens are unique by hash). */
  async byToken(token: string): Promise<DeviceRecord | null> {
    return this.repo.getByTokenHash(hashToken(token));
  }

  /** Device ids a gateway may speak for (devices whose gateway_id is the gateway). */
  async frontedBy(gatewayId: string): Promise<Set<string>> {
    if (!this.gatewayChildren) {
      const map = new Map<string, Set<string>>();
      for (const d of await this.repo.list()) {
        if (!d.gatewayId) continue;
        let set = map.get(d.gatewayId);
        if (!set) map.set(d.gatewayId, (set = new Set()));
        set.add(d.id);
      }
      this.gatewayChildren = map;
      setTimeout(() => (this.gatewayChildren = undefined), this.ttlMs).unref();
    }
    return this.gatewayChildren.get(gatewayId) ?? new Set();
  }

  /** Called after registration or token rotation so the change applies at once. */
  invalidate(id?: string): void {
    if (id === undefined) {
      this.byId.clear();
      this.byEui.clear();
    } else {
      this.byId.delete(id);
      this.byEui.clear();
    }
    this.gatewayChildren = undefined;
  }
}
