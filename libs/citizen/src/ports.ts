import type { CitizenStatus } from '@ioc/contracts';

// The small interfaces libs/citizen needs from outside. Composition (apps/api) plugs them; the
// lib never imports another domain lib.

/**
 * Point → unit (geo's UnitDirectory.locateAsync fits): the leaf unit (ward, commune, special
 * zone) whose boundary contains the point; null offshore or outside every known unit.
 */
export interface UnitLocator {
  locate(lon: number, lat: number): Promise<string | null>;
}

/** The administrative units cases belong to (geo's UnitDirectory fits). */
export interface CitizenUnits {
  get(code: string): Promise<{ name: string; parentCode: string | null } | null>;
  /** The unit and every unit below it. */
  selfAndDescendants(code: string): Promise<string[]>;
  /** The units directly below. */
  childrenOf(code: string): Promise<readonly string[]>;
}

/** The offices cases are assigned to (libs/org's OfficeService fits, as for tasks). */
export interface CitizenOffices {
  /** The unit of an office; undefined when there is no such office (or it is retired). */
  unitOf(officeId: string): Promise<string | undefined>;
  namesOf(officeIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

/**
 * Who acts, as the audit trail and the case history name them (libs/auth's AuditActor fits).
 * Resident steps (submission, rating, reopening) come with an actor the edge builds, e.g.
 * `{ actor: 'resident', displayName: 'Người dân' }` or `{ actor: 'app:<id>' }`.
 */
export interface CitizenActor {
  actor: string;
  displayName?: string;
}

/** A message to the resident about their case (webhook, SMS gateway); failures never block. */
export interface ResidentNotice {
  code: string;
  status: CitizenStatus;
  /** The reporter's phone, when they gave one: only the SMS channel may use it. */
  phone: string | null;
  /** Vietnamese text, with the tracking page's link when a public URL is configured. */
  text: string;
}
export interface ResidentNotifier {
  notify(notice: ResidentNotice): Promise<void>;
}

/** One month of one unit for an indicator, as libs/indicators stores report rows. */
export interface CitizenIndicatorRow {
  indicatorCode: 'svc.citizen_report_ontime' | 'svc.citizen_report_satisfaction';
  unitCode: string;
  /** `YYYY-MM`. */
  period: string;
  numerator: number;
  denominator: number;
}

/**
 * Where the computed indicator rows go (composition: libs/indicators' report storage, as the
 * built-in feed `phan-anh-hien-truong`). Called after a resolution or a rating, for that month.
 */
export interface IndicatorSink {
  record(rows: readonly CitizenIndicatorRow[]): Promise<void>;
}

/** A resident's photo as the edge received it (multipart file bytes). */
export interface PhotoUpload {
  data: Buffer;
  /** The sender's file name, for messages only: the type is read from the bytes. */
  filename?: string;
}

/** Where a submission comes from. */
export interface SubmissionClient {
  /** sha256 of the client IP (hashed by the edge) or `app:<id>`. */
  clientKey: string;
  /** `web` or `app:<appId>`. */
  source: string;
  /** An app's own id of the submission: resubmitting it answers the case it already made. */
  externalId?: string;
}
