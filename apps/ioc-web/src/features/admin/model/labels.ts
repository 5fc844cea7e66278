import { SCENE_KINDS, SCENE_OVERLAYS, type SceneKind, type SceneOverlay } from '@ioc/contracts';
import type { MessageKey } from '../../../shared/i18n/translate';
import { deviceKindKey } from '../../../shared/ui/deviceKind';
import {
  ALERT_RULE_KINDS as RULE_KINDS,
  ALERT_SEVERITIES as SEVERITIES,
  FEED_CADENCES as CADENCES,
  type AlertRuleKind as RuleKind,
} from '@ioc/contracts';

// Message keys of the values the admin screens show, spelled out so every one is type-checked
// (no key is built from a string at run time).

export const SEVERITY_KEYS: Record<(typeof SEVERITIES)[number], MessageKey> = {
  info: 'admin.severity.info',
  warning: 'admin.severity.warning',
  critical: 'admin.severity.critical',
  emergency: 'admin.severity.emergency',
};

export const RULE_KIND_KEYS: Record<RuleKind, MessageKey> = {
  threshold: 'admin.rules.kind.threshold',
  levels: 'admin.rules.kind.levels',
  rate: 'admin.rules.kind.rate',
  no_data: 'admin.rules.kind.no_data',
  aqi: 'admin.rules.kind.aqi',
  task_overdue: 'admin.rules.kind.task_overdue',
  report_late: 'admin.rules.kind.report_late',
  citizen_overdue: 'admin.rules.kind.citizen_overdue',
  dossier_overdue: 'admin.rules.kind.dossier_overdue',
};
export { RULE_KINDS };

export const CADENCE_KEYS: Record<(typeof CADENCES)[number], MessageKey> = {
  monthly: 'admin.feeds.cadence.monthly',
  quarterly: 'admin.feeds.cadence.quarterly',
  yearly: 'admin.feeds.cadence.yearly',
};

export const SCENE_KIND_KEYS: Record<SceneKind, MessageKey> = {
  overview: 'admin.wall.kind.overview',
  air: 'admin.wall.kind.air',
  water: 'admin.wall.kind.water',
  traffic: 'admin.wall.kind.traffic',
  services: 'admin.wall.kind.services',
  alerts: 'admin.wall.kind.alerts',
  fleet: 'admin.wall.kind.fleet',
  tasks: 'admin.wall.kind.tasks',
  citizen: 'admin.wall.kind.citizen',
  cameras: 'camera.scene.kind',
};

export const OVERLAY_KEYS: Record<SceneOverlay, MessageKey> = {
  devices: 'admin.wall.overlay.devices',
  heatmap: 'admin.wall.overlay.heatmap',
  hexagon: 'admin.wall.overlay.hexagon',
  vessels: 'admin.wall.overlay.vessels',
  alerts: 'admin.wall.overlay.alerts',
  citizen: 'admin.wall.overlay.citizen',
  cameras: 'camera.scene.overlay',
};
export { SCENE_KINDS, SCENE_OVERLAYS };

/** A device kind's label; kinds the admin does not know show as their code. */
export function deviceKindLabel(t: (k: MessageKey) => string, kind: string): string {
  const key = deviceKindKey(kind);
  return key === null ? kind : t(key);
}
