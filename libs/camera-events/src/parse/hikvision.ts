import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CameraEventDirection, CameraEventType } from '@ioc/contracts';
import { EventRejection, IGNORED, unitConfidence, type ParseOutcome } from '../event';
import type { FormPart } from './multipart';

/**
 * Hikvision ISAPI event notifications (`EventNotificationAlert`), as a camera or NVR posts them
 * to its "HTTP Listening" host: XML (`xmlns="http://www.hikvision.com/ver20/XMLSchema"`), JSON
 * (newer firmware, same field names) or multipart/form-data with that document in one part and
 * pictures in others (`licensePlatePicture.jpg`, `detectionPicture.jpg`, `vehiclePicture.jpg`).
 */

const xml = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  // Hikvision lists (pictureInfoList, DetectionRegionList) may hold one entry or many.
  isArray: (name) => ['pictureInfo', 'DetectionRegionEntry'].includes(name),
  processEntities: true,
});

type Doc = Record<string, unknown>;

const text = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number') return String(v);
  return null;
};
const obj = (v: unknown): Doc | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : null;

/** ISAPI event types → ours. Matched lower-case; the first rule that fits wins. */
const TYPE_RULES: [RegExp, CameraEventType][] = [
  [/^anpr$|vehicledetection$|^licenseplate/, 'anpr'],
  [/smoke/, 'smoke'],
  [/fire/, 'fire'],
  [/crowd|gathering|density/, 'crowd'],
  [/fielddetection|linedetection|regionentrance|regionexiting|intrusion|loitering/, 'intrusion'],
  [/vehicle/, 'vehicle'],
  [/human|person|face|people/, 'person'],
];

export function hikvisionType(eventType: string): CameraEventType {
  const t = eventType.toLowerCase();
  return TYPE_RULES.find(([re]) => re.test(t))?.[1] ?? 'other';
}

/**
 * ANPR `direction` (and `vehicleDirection` on some firmware): `forward` = towards the camera,
 * which is how a gate camera is mounted to watch arrivals, so forward = in, reverse = out.
 */
function direction(v: unknown): CameraEventDirection | null {
  const d = text(v)?.toLowerCase();
  if (d === 'forward' || d === 'in' || d === 'entry' || d === 'enter') return 'in';
  if (d === 'reverse' || d === 'out' || d === 'exit' || d === 'leave') return 'out';
  return null;
}

function zoneOf(doc: Doc): string | null {
  const list = obj(doc['DetectionRegionList']);
  const entries = list?.['DetectionRegionEntry'];
  const first = Array.isArray(entries) ? obj(entries[0]) : null;
  const id = text(first?.['regionID']);
  return id === null ? null : `region ${id}`;
}

/** A parsed EventNotificationAlert (XML or JSON object) → the normalised event. */
export function fromNotification(doc: Doc, snapshot?: Buffer): ParseOutcome {
  const eventType = text(doc['eventType']);
  if (eventType === null) {
    return new EventRejection('missing_field', 'EventNotificationAlert without eventType');
  }
  // Heartbeats (videoloss inactive) and the end of a state event are not events.
  if (text(doc['eventState'])?.toLowerCase() === 'inactive') return IGNORED;
  const when = text(doc['dateTime']);
  if (when === null)
    return new EventRejection('missing_field', 'EventNotificationAlert without dateTime');
  const time = new Date(when);
  if (Number.isNaN(time.getTime()))
    return new EventRejection('bad_time', `unreadable dateTime ${when}`);
  const type = hikvisionType(eventType);
  const anpr = obj(doc['ANPR']);
  const plate = text(anpr?.['licensePlate']);
  if (type === 'anpr' && (plate === null || plate.toLowerCase() === 'unknown')) {
    return new EventRejection('missing_field', 'ANPR notification without licensePlate');
  }
  const channel = text(doc['channelID']) ?? text(doc['dynChannelID']);
  const ip = text(doc['ipAddress']);
  const mac = text(doc['macAddress']);
  const cameraKeys = [
    ...(ip && channel ? [`ip:${ip}/channel:${channel}`] : []),
    ...(ip ? [`ip:${ip}`] : []),
    ...(mac ? [`mac:${mac.toLowerCase()}`] : []),
    ...(channel ? [`channel:${channel}`] : []),
  ];
  const uuid = text(doc['UUID']) ?? text(anpr?.['UUID']);
  const label = plate ?? text(anpr?.['vehicleType']) ?? text(doc['eventDescription']);
  return {
    cameraKeys,
    type,
    time,
    confidence: unitConfidence(anpr?.['confidenceLevel'] ?? doc['confidence']),
    label,
    direction: direction(anpr?.['direction'] ?? anpr?.['vehicleDirection']),
    zone: zoneOf(doc),
    // A retry resends the same notification: the same device, time, type and plate.
    dedupeKey:
      uuid !== null
        ? `uuid:${uuid}`
        : ['hik', ip ?? mac ?? '', channel ?? '', time.toISOString(), eventType, plate ?? ''].join(
            '|',
          ),
    ...(snapshot ? { snapshot } : {}),
  };
}

function rootOf(parsed: unknown): Doc | null {
  const o = obj(parsed);
  if (!o) return null;
  return obj(o['EventNotificationAlert']) ?? (text(o['eventType']) !== null ? o : null);
}

/** An XML document → the notification it holds, or why not. */
export function parseHikvisionXml(body: string, snapshot?: Buffer): ParseOutcome {
  // The parser is lenient (an unclosed element still parses): a camera that sends broken XML
  // must be told so, not have half a notification stored. fast-xml-parser marks its validator
  // deprecated for fast-xml-validator, which is not installed here; the spec's bad_xml case
  // fails if an upgrade removes it.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    return new EventRejection('bad_xml', `not well-formed XML: ${valid.err.msg.slice(0, 200)}`);
  }
  const parsed: unknown = xml.parse(body);
  const doc = rootOf(parsed);
  if (!doc) return new EventRejection('not_an_event', 'no EventNotificationAlert element');
  return fromNotification(doc, snapshot);
}

export function parseHikvisionJson(body: string, snapshot?: Buffer): ParseOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return new EventRejection('bad_json', 'body is not valid JSON');
  }
  const doc = rootOf(parsed);
  if (!doc) return new EventRejection('not_an_event', 'no EventNotificationAlert object');
  return fromNotification(doc, snapshot);
}

/** Pictures in the order worth keeping: the scene, then the vehicle, then the plate crop. */
const PICTURE_ORDER = [/detection|background|scene/i, /vehicle/i, /plate/i];

function bestPicture(parts: readonly FormPart[]): Buffer | undefined {
  const images = parts.filter(
    (p) => p.contentType?.startsWith('image/') || /\.(jpe?g|png)$/i.test(p.filename ?? p.name),
  );
  for (const re of PICTURE_ORDER) {
    const found = images.find((p) => re.test(p.filename ?? p.name));
    if (found) return found.data;
  }
  return images[0]?.data;
}

/** multipart/form-data as a camera sends it: one XML or JSON part, pictures beside it. */
export function parseHikvisionForm(parts: readonly FormPart[]): ParseOutcome {
  const isDoc = (p: FormPart) =>
    /xml|json/i.test(p.contentType ?? '') || /\.(xml|json)$/i.test(p.filename ?? p.name);
  const doc = parts.find(isDoc);
  if (!doc) return new EventRejection('not_an_event', 'no XML or JSON part in the form');
  const body = doc.data.toString('utf8');
  const picture = bestPicture(parts);
  return body.trimStart().startsWith('<')
    ? parseHikvisionXml(body, picture)
    : parseHikvisionJson(body, picture);
}

/** Any body the Hikvision route takes, by its content type. */
export function parseHikvision(
  contentType: string,
  body: Buffer | readonly FormPart[],
): ParseOutcome {
  if (Array.isArray(body)) return parseHikvisionForm(body as readonly FormPart[]);
  const raw = (body as Buffer).toString('utf8');
  if (/json/i.test(contentType)) return parseHikvisionJson(raw);
  if (/xml/i.test(contentType) || raw.trimStart().startsWith('<')) return parseHikvisionXml(raw);
  return parseHikvisionJson(raw);
}
