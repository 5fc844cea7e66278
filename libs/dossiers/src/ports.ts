/** Our units (geo's UnitDirectory satisfies it). */
export interface DossierUnits {
  exists(code: string): Promise<boolean>;
  selfAndDescendants(code: string): Promise<string[]>;
}

/** A person a warning goes to. */
export interface Contact {
  name: string;
  email: string | null;
}

/**
 * Who is told: the officer in charge (a platform username, resolved to their contact) and the
 * unit's leader (composition: the unit's ward_leader account in libs/auth).
 */
export interface DossierContacts {
  officer(usernameOrName: string): Promise<Contact | null>;
  leaderOf(unitCode: string): Promise<Contact | null>;
}

/** One computed indicator row (libs/indicators ReportIntakeService.recordComputed takes it). */
export interface ComputedIndicator {
  indicatorCode: string;
  unitCode: string;
  period: string;
  numerator: number;
  denominator: number;
}

/** Where computed indicator values go, with the lineage naming what produced them. */
export interface DossierIndicatorSink {
  record(rows: readonly ComputedIndicator[], lineage: string): Promise<void>;
}

/** Outcome of one delivery. */
export interface Delivery {
  ok: boolean;
  error: string | null;
}

/** A warning as the channels send it. */
export interface DossierWarningMessage {
  subject: string;
  text: string;
  payload: Record<string, unknown>;
}

/** E-mail (absent without SMTP_URL) and webhook, as the reporting reminders use them. */
export interface WarningChannels {
  email: { send(to: string, message: DossierWarningMessage): Promise<Delivery> } | null;
  webhook: { post(url: string, message: DossierWarningMessage): Promise<Delivery> } | null;
}
