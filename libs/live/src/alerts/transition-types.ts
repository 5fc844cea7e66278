import type { Severity } from './severity';

/**
 * What a rule evaluation tells the alert workflow. At most one per reading or timer tick.
 * - fire:   the condition started (after its minimum duration): open an alert.
 * - update: still active, but at another level (higher or lower): change the alert's level and
 *           severity. Value changes within a level are not transitions (they would flood the
 *           workflow and the audit log); the latest value lives in the rule state.
 * - clear:  the condition ended (past its hysteresis): resolve the alert if the rule auto-resolves.
 */
export type RuleTransition =
  | {
      type: 'fire';
      ruleId: string;
      deviceId: string;
      level: number;
      label: string | null;
      severity: Severity;
      value: number;
      at: Date;
      message: string;
    }
  | {
      type: 'update';
      ruleId: string;
      deviceId: string;
      level: number;
      previousLevel: number;
      label: string | null;
      severity: Severity;
      value: number;
      at: Date;
      message: string;
    }
  | {
      type: 'clear';
      ruleId: string;
      deviceId: string;
      previousLevel: number;
      value: number;
      at: Date;
      message: string;
    };
