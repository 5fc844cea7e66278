import type { Bbox } from './archive-info';

/**
 * The province the platform serves (geo's UnitDirectory answers it; composition plugs it): an
 * archive that does not reach it would show no streets anywhere on its maps.
 */
export interface BasemapRegion {
  code: string;
  /** The province's bounding box; null while no boundary is stored. */
  bounds(): Promise<Bbox | null>;
}

/** Who acts, as the audit trail names them (libs/auth's AuditActor fits). */
export interface BasemapActor {
  actor: string;
}
