/**
 * The administrative units offices sit below (geo's UnitDirectory satisfies it; composition
 * plugs it).
 */
export interface OrgUnits {
  exists(code: string): Promise<boolean>;
  /** The unit and every unit below it. */
  selfAndDescendants(code: string): Promise<string[]>;
}

/** Who acts, as the audit trail names them (libs/auth's AuditActor fits). */
export interface OrgActor {
  actor: string;
}
