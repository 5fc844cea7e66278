import { DomainError } from '@ioc/contracts';
import type { AlertService } from '@ioc/live';

/**
 * Alert rules of the simulated demo, so the wall's alert layer and ticker have something to
 * show: PM2.5 above the QCVN 05:2023 24-hour limit (tripped around the clock by the demo's
 * hotspot stations, see simulated-values.ts), high-tide water levels against each station's own
 * báo động I–III (registered with the demo stations, see demo-devices.ts) and
 * rush-hour noise above QCVN 26:2010's daytime limit. Inserted when missing, never
 * overwritten: an administrator's edits (or disabling them) survive restarts.
 */
export const DEMO_ALERT_RULES: readonly Record<string, unknown>[] = [
  {
    id: 'demo-pm25-qcvn',
    name: 'PM2.5 vượt QCVN 05:2023 (50 µg/m³)',
    kind: 'threshold',
    params: { metric: 'pm25', comparator: '>', value: 50, clear: 47, uom: 'µg/m³' },
    scope: { deviceKinds: ['air_quality'] },
    severity: 'warning',
    autoResolve: true,
  },
  {
    id: 'demo-water-level',
    name: 'Mực nước triều cường',
    kind: 'levels',
    // No steps: every station is held against its own levels.
    params: { metric: 'water_level', direction: 'above', hysteresis: 0.03, uom: 'm' },
    scope: { deviceKinds: ['water_level'] },
    autoResolve: true,
  },
  {
    id: 'demo-noise-day',
    name: 'Tiếng ồn vượt QCVN 26:2010 (70 dB(A))',
    kind: 'threshold',
    params: { metric: 'noise_laeq', comparator: '>', value: 70, clear: 68, uom: 'dB(A)' },
    scope: { deviceKinds: ['noise'] },
    severity: 'info',
    autoResolve: true,
  },
];

/** Inserts the demo rules that are missing; returns the ids added. */
export async function seedDemoAlertRules(alerts: AlertService): Promise<string[]> {
  const added: string[] = [];
  for (const rule of DEMO_ALERT_RULES) {
    const id = String(rule.id);
    try {
      await alerts.getRule(id);
      continue;
    } catch (err) {
      if (!(err instanceof DomainError) || err.kind !== 'not_found') throw err;
    }
    await alerts.createRule(rule, { actor: { kind: 'system', id: 'demo-seed' }, ip: null });
    added.push(id);
  }
  return added;
}
