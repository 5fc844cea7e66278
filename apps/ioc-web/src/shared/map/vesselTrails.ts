import type { DeviceState } from '../live/deviceStore';

export interface VesselTrack {
  id: string;
  /** Oldest first; the last position is the vessel's current one. */
  path: [number, number][];
}

/** Device kinds drawn as vessels. */
export const VESSEL_KINDS: ReadonlySet<string> = new Set(['vessel', 'fishing_vessel']);

/**
 * Short trails of mobile devices, kept on the map side: the device store holds only each
 * device's current position, so each sync appends a vessel's position when it moved. Bounded
 * to `maxPoints` per vessel; vessels no longer in the store are dropped.
 */
export class VesselTrails {
  private readonly tracks = new Map<string, VesselTrack>();
  private list: VesselTrack[] = [];
  version = 0;

  constructor(private readonly maxPoints = 16) {}

  /** Returns whether anything changed (then `tracks()` is a new array). */
  sync(devices: Iterable<DeviceState>): boolean {
    let changed = false;
    const seen = new Set<string>();
    for (const d of devices) {
      if (!VESSEL_KINDS.has(d.kind) || d.lon === null || d.lat === null) continue;
      seen.add(d.id);
      let t = this.tracks.get(d.id);
      if (!t) {
        t = { id: d.id, path: [] };
        this.tracks.set(d.id, t);
      }
      const last = t.path[t.path.length - 1];
      if (last && last[0] === d.lon && last[1] === d.lat) continue;
      // Replace rather than mutate: deck.gl compares path arrays when re-tessellating.
      t.path = [...t.path, [d.lon, d.lat] as [number, number]].slice(-this.maxPoints);
      changed = true;
    }
    for (const id of this.tracks.keys()) {
      if (!seen.has(id)) {
        this.tracks.delete(id);
        changed = true;
      }
    }
    if (changed) {
      this.list = [...this.tracks.values()];
      this.version += 1;
    }
    return changed;
  }

  all(): readonly VesselTrack[] {
    return this.list;
  }
}
