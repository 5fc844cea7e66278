import { z } from 'zod';

/**
 * The evaluator's memory for one (rule, device), persisted as jsonb in `alert_rule_state` so a
 * restart or another replica continues where the last one stopped. Times are epoch ms.
 */
export const ruleStateSchema = z.object({
  v: z.literal(1),
  /** Active level (1-based position on the rule's ladder); 0 = condition clear. */
  level: z.number().int().min(0),
  /** When the condition started to hold in an episode that has not fired yet (minimum duration). */
  pendingSince: z.number().nullable(),
  /** Time and value of the last reading taken; older or equal readings are ignored. */
  lastAt: z.number().nullable(),
  lastValue: z.number().nullable(),
  /**
   * Rate rules: monotone queues of [time, value] inside the window — ascending values (window
   * minimum at the head) for rises, descending (maximum at the head) for falls. Monotone queues
   * keep the state small: a steady series keeps a handful of entries, not the whole window.
   */
  minQ: z.array(z.tuple([z.number(), z.number()])).optional(),
  maxQ: z.array(z.tuple([z.number(), z.number()])).optional(),
});
export type RuleState = z.infer<typeof ruleStateSchema>;

export function initialRuleState(): RuleState {
  return { v: 1, level: 0, pendingSince: null, lastAt: null, lastValue: null };
}

/**
 * Reads persisted state. Anything unreadable (older format, hand-edited row) restarts from a clean
 * state instead of failing the pipeline: the worst outcome is one repeated fire, which the alert
 * table's one-open-alert-per-rule-and-device index absorbs.
 */
export function parseRuleState(json: unknown): RuleState {
  const parsed = ruleStateSchema.safeParse(json);
  return parsed.success ? parsed.data : initialRuleState();
}
