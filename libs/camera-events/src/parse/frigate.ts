import type { CameraEventType } from '@ioc/contracts';
import { EventRejection, IGNORED, unitConfidence, type ParseOutcome } from '../event';

/**
 * Frigate's MQTT `frigate/events` messages: `{type: new|update|end, before, after}` where
 * `after` is the tracked object now (`id`, `camera`, `label`, `sub_label`, `top_score`/`score`,
 * `start_time` in epoch seconds, `current_zones`/`entered_zones`, `has_snapshot`,
 * `false_positive`; Frigate 0.14+ adds `recognized_license_plate`). One tracked object is one
 * event: `update` and `end` of the same `id` find the row `new` made (and may bring the
 * snapshot, which Frigate serves at `/api/events/<id>/snapshot.jpg`).
 */

const VEHICLES = new Set(['car', 'truck', 'bus', 'motorcycle', 'bicycle', 'boat', 'vehicle']);

export function frigateType(label: string, plate: string | null): CameraEventType {
  const l = label.toLowerCase();
  if (plate !== null || l === 'license_plate') return 'anpr';
  if (VEHICLES.has(l)) return 'vehicle';
  if (l === 'person' || l === 'face') return 'person';
  if (l === 'smoke') return 'smoke';
  if (l === 'fire') return 'fire';
  return 'other';
}

const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : null;

/** `recognized_license_plate` is a string in 0.16, `[plate, score]` in some 0.14/0.15 builds. */
function plateOf(after: Record<string, unknown>): string | null {
  const p = after['recognized_license_plate'];
  if (Array.isArray(p)) return str(p[0]);
  return str(p);
}

/** Zones named `…_in`/`…_out` (or `in`/`out`) give the crossing's direction at a gate. */
function directionOf(zone: string | null): 'in' | 'out' | null {
  if (zone === null) return null;
  if (/(^|[_-])(in|vao|entry)$/i.test(zone)) return 'in';
  if (/(^|[_-])(out|ra|exit)$/i.test(zone)) return 'out';
  return null;
}

export function parseFrigate(payload: Buffer | string): ParseOutcome {
  let msg: unknown;
  try {
    msg = JSON.parse(payload.toString());
  } catch {
    return new EventRejection('bad_json', 'frigate/events payload is not valid JSON');
  }
  if (msg === null || typeof msg !== 'object') {
    return new EventRejection('not_an_event', 'frigate/events payload is not an object');
  }
  const m = msg as Record<string, unknown>;
  if (!['new', 'update', 'end'].includes(String(m['type']))) {
    return new EventRejection(
      'not_an_event',
      `unknown frigate event type ${String(m['type']).slice(0, 40)}`,
    );
  }
  const after = m['after'];
  if (after === null || typeof after !== 'object') {
    return new EventRejection('missing_field', 'frigate event without after');
  }
  const a = after as Record<string, unknown>;
  const id = str(a['id']);
  const camera = str(a['camera']);
  const label = str(a['label']);
  if (id === null || camera === null || label === null) {
    return new EventRejection('missing_field', 'frigate event without id, camera or label');
  }
  if (a['false_positive'] === true) return IGNORED;
  const start = a['start_time'];
  if (typeof start !== 'number' || !Number.isFinite(start)) {
    return new EventRejection('bad_time', 'frigate event without a numeric start_time');
  }
  const zones = [
    ...(Array.isArray(a['current_zones']) ? (a['current_zones'] as unknown[]) : []),
    ...(Array.isArray(a['entered_zones']) ? (a['entered_zones'] as unknown[]) : []),
  ].filter((z): z is string => typeof z === 'string');
  const zone = zones[0] ?? null;
  const plate = plateOf(a);
  const subLabel = Array.isArray(a['sub_label']) ? str(a['sub_label'][0]) : str(a['sub_label']);
  return {
    cameraKeys: [camera],
    type: frigateType(label, plate),
    time: new Date(start * 1000),
    confidence: unitConfidence(a['top_score'] ?? a['score']),
    label: plate ?? subLabel ?? label,
    direction: directionOf(zone),
    zone,
    dedupeKey: `frigate:${id}`,
    ...(a['has_snapshot'] === true ? { snapshotRef: id } : {}),
  };
}
