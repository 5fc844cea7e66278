import type { AuditSink, CitizenChanged } from '@ioc/contracts';
import type { CitizenOffices, CitizenUnits, IndicatorSink, ResidentNotifier } from '../ports';

export interface CitizenCaseOptions<A> {
  units: CitizenUnits;
  offices: CitizenOffices;
  audit: AuditSink<A>;
  /** The province (IOC_PROVINCE): its offices are the departments any case may go to. */
  provinceCode: string;
  notifier?: ResidentNotifier;
  indicators?: IndicatorSink;
  /** The clock deadlines, overdue and step times are read from. */
  now?: () => Date;
  /**
   * Called after each committed change (composition sends WS `citizen` on the unit and its
   * parent); a transfer also names the unit the case left, whose queue must drop it.
   */
  onChanged?: (change: CitizenChanged, previousUnitCode?: string) => void;
  /** Days after resolution the resident may reopen (default 7). */
  reopenDays?: number;
  /** PUBLIC_URL, for the tracking link in notifications. */
  publicUrl?: string;
  /** Notifier and indicator failures: reported here (logged), never failing the step. */
  onBackgroundError?: (what: 'notify' | 'indicators', err: unknown) => void;
}

/** A signal for the work-alert timer (libs/live WorkSignal). */
export interface CitizenOverdueSignal {
  key: string;
  unitCode: string;
  title: string;
  dueDate: string;
}
