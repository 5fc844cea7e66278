/** One consequential action, as every lib reports it to the audit trail. */
export interface AuditEvent {
  action: string;
  targetKind: string;
  targetId?: string | null;
  unitCode?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * The audit port every domain lib takes (libs/auth's `AuditLog` implements it; composition
 * plugs it). `A` is the caller's actor type, opaque to the lib that records.
 */
export interface AuditSink<A> {
  record(actor: A, event: AuditEvent): Promise<void>;
}
