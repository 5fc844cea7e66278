import { genericCameraEventBody, type GenericCameraEvent } from '@ioc/contracts';
import { EventRejection, type ParseOutcome } from '../event';
import { createHash } from 'node:crypto';

/**
 * The generic JSON webhook (contracts `genericCameraEventBody`): one event or `{events: [...]}`.
 * Each element is judged alone, so one bad element does not refuse its neighbours.
 */
export function parseGeneric(raw: Buffer | string, now: Date): ParseOutcome[] {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString());
  } catch {
    return [new EventRejection('bad_json', 'body is not valid JSON')];
  }
  const list =
    body !== null &&
    typeof body === 'object' &&
    Array.isArray((body as { events?: unknown }).events)
      ? (body as { events: unknown[] }).events
      : [body];
  if (list.length === 0 || list.length > 100) {
    return [new EventRejection('bad_batch', 'events must hold 1 to 100 events')];
  }
  return list.map((item) => one(item, now));
}

function one(item: unknown, now: Date): ParseOutcome {
  const parsed = genericCameraEventBody.options[0].safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return new EventRejection(
      'invalid_event',
      `${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const e = parsed.data;
  const time = e.time === undefined ? now : new Date(e.time);
  if (Number.isNaN(time.getTime()))
    return new EventRejection('bad_time', `unreadable time ${String(e.time)}`);
  let snapshot: Buffer | undefined;
  if (e.snapshot !== undefined) {
    snapshot = Buffer.from(e.snapshot.replace(/^data:[^,]*,/, ''), 'base64');
    if (snapshot.length === 0) return new EventRejection('bad_snapshot', 'snapshot is not base64');
  }
  return {
    cameraKeys: [e.camera],
    type: e.type,
    time,
    confidence: e.confidence ?? null,
    label: e.plate ?? e.label ?? null,
    direction: e.direction ?? null,
    zone: e.zone ?? null,
    dedupeKey: e.eventId !== undefined ? `id:${e.eventId}` : `hash:${contentHash(e, time)}`,
    ...(snapshot ? { snapshot } : {}),
  };
}

/** Without an eventId, the same camera, time, type and label sent again is the same event. */
function contentHash(e: GenericCameraEvent, time: Date): string {
  return createHash('sha256')
    .update(
      [e.camera, e.type, time.toISOString(), e.plate ?? e.label ?? '', e.zone ?? ''].join('|'),
    )
    .digest('hex')
    .slice(0, 32);
}
