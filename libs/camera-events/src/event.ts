import type { CameraEventDirection, CameraEventType } from '@ioc/contracts';

/**
 * An event as a parser reads it from a sender, before it is tied to one of our cameras: the
 * sender's camera keys (tried in order against the source's mapping), and the sender's own
 * identity of the event (`dedupeKey`) so a retry finds the row the first delivery made.
 */
export interface ParsedEvent {
  cameraKeys: string[];
  type: CameraEventType;
  time: Date;
  confidence: number | null;
  label: string | null;
  direction: CameraEventDirection | null;
  zone: string | null;
  dedupeKey: string;
  /** The picture that came with the event (Hikvision multipart, generic base64). */
  snapshot?: Buffer;
  /** The sender keeps the picture: fetch it by this reference (Frigate's event id). */
  snapshotRef?: string;
}

/** Why a delivery was refused: a short machine reason (dead-letter `reason`) and a sentence. */
export class EventRejection extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** A delivery that is not an event (a heartbeat, an `inactive` state, a false positive). */
export const IGNORED = 'ignored' as const;
export type ParseOutcome = ParsedEvent | EventRejection | typeof IGNORED;

/** Times a camera may legitimately send: no earlier than 2000, no later than 5 min ahead. */
export function checkTime(time: Date, now: Date): EventRejection | null {
  if (Number.isNaN(time.getTime())) return new EventRejection('bad_time', 'unreadable time');
  if (time.getTime() > now.getTime() + 5 * 60_000) {
    return new EventRejection('future_time', `time ${time.toISOString()} is in the future`);
  }
  if (time.getUTCFullYear() < 2000) {
    return new EventRejection('bad_time', `time ${time.toISOString()} is before 2000`);
  }
  return null;
}

/** A confidence as 0..1: percentages (Hikvision's 0..100) are scaled; anything else is dropped. */
export function unitConfidence(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return null;
  if (n <= 1) return n;
  if (n <= 100) return n / 100;
  return null;
}
