import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CameraEventDirection, CameraEventType } from '@ioc/contracts';
import { EventRejection, IGNORED, unitConfidence, type ParseOutcome } from '../event';

/**
 * ONVIF Event Service `PullMessagesResponse` (ONVIF Core §9.3, WS-BaseNotification): each
 * `wsnt:NotificationMessage` holds a topic (`tns1:RuleEngine/LineDetector/Crossed`) and a
 * `tt:Message` with `UtcTime`, `PropertyOperation` and `Source`/`Data` SimpleItems. The camera
 * gives no event id, so the dedupe key is a hash of the camera, topic, time, source and data:
 * the same message pulled twice (a retried pull) is the same key.
 */

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['NotificationMessage', 'SimpleItem', 'ElementItem'].includes(name),
});

type Doc = Record<string, unknown>;
const obj = (v: unknown): Doc | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Doc) : null;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const text = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  const o = obj(v);
  return o && typeof o['#text'] === 'string' ? text(o['#text']) : null;
};

/** The topic without namespace prefixes: `tns1:RuleEngine/x:Y` → `RuleEngine/Y`. */
export function plainTopic(topic: string): string {
  return topic
    .split('/')
    .map((part) => part.replace(/^[^:]*:/, ''))
    .join('/');
}

/** SimpleItems of `Source` or `Data` as name → value. */
function items(group: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const it of list(obj(group)?.['SimpleItem'])) {
    const o = obj(it);
    const name = o && typeof o['@Name'] === 'string' ? o['@Name'] : null;
    const value = o && typeof o['@Value'] === 'string' ? o['@Value'] : null;
    if (name !== null && value !== null) out[name] = value;
  }
  return out;
}

const pick = (data: Record<string, string>, re: RegExp): string | null => {
  const key = Object.keys(data).find((k) => re.test(k));
  return key === undefined ? null : (data[key] ?? null);
};

/** A boolean state item (IsMotion, IsInside, State, …); null when the message has none. */
function stateOf(data: Record<string, string>): boolean | null {
  const v = pick(data, /^(IsMotion|IsInside|State|IsSmoke|IsFire|Value|Alarm)$/i);
  if (v === null) return null;
  return v.toLowerCase() === 'true' || v === '1';
}

const classOf = (data: Record<string, string>): CameraEventType | null => {
  const c = (pick(data, /^(ClassTypes?|ObjectType|Type|Class)$/i) ?? '').toLowerCase();
  if (/vehicle|car|truck|bus|motor/.test(c)) return 'vehicle';
  if (/human|person|people|face/.test(c)) return 'person';
  return null;
};

/**
 * Topic → event type. Only what the topic or its data says: plain cell motion is `other`
 * (motion is not a person), a field/line rule is `intrusion` unless the data names the class.
 * null: a topic that is not an AI event (digital inputs, tampering, housekeeping) — ignored.
 */
export function onvifType(topic: string, data: Record<string, string>): CameraEventType | null {
  const t = plainTopic(topic).toLowerCase();
  if (/licenseplate|platenumber|\/plate|anpr|\blpr/.test(t)) return 'anpr';
  if (/smoke/.test(t)) return 'smoke';
  if (/fire|flame/.test(t)) return 'fire';
  if (/crowd|density/.test(t)) return 'crowd';
  if (/fielddetector|linedetector|intrusion|linecross|regionentrance/.test(t)) {
    return classOf(data) ?? 'intrusion';
  }
  if (/people|human|person/.test(t)) return 'person';
  if (/vehicle/.test(t)) return 'vehicle';
  if (/motiondetector|motionalarm|\/motion$/.test(t)) return classOf(data) ?? 'other';
  return null;
}

const direction = (data: Record<string, string>): CameraEventDirection | null => {
  const d = (pick(data, /^(Direction|Dir)$/i) ?? '').toLowerCase();
  if (/^(in|enter|entering|forward|approach(ing)?)$/.test(d)) return 'in';
  if (/^(out|exit|leave|leaving|reverse|away|backward)$/.test(d)) return 'out';
  return null;
};

/** One NotificationMessage → an event, IGNORED, or why it cannot be read. */
function fromNotification(n: Doc, cameraKey: string): ParseOutcome {
  const topic = text(n['Topic']);
  const outer = obj(n['Message']);
  const message = obj(outer?.['Message']) ?? outer;
  if (!topic || !message) {
    return new EventRejection('bad_onvif_message', 'NotificationMessage without Topic or Message');
  }
  const utc = message['@UtcTime'];
  if (typeof utc !== 'string') {
    return new EventRejection('bad_onvif_message', `message on ${topic} has no UtcTime`);
  }
  // `Initialized` is the state a subscription starts with, `Deleted` a rule removed: not events.
  const op = message['@PropertyOperation'];
  if (op === 'Initialized' || op === 'Deleted') return IGNORED;
  const source = items(message['Source']);
  const data = items(message['Data']);
  const type = onvifType(topic, data);
  if (type === null) return IGNORED;
  // A state going false (motion ended, object left the field) is the end of an event.
  if (stateOf(data) === false) return IGNORED;
  const plate = pick(data, /^(PlateNumber|LicensePlate|Plate|PlateText|Licence|License)$/i);
  if (type === 'anpr' && !plate) {
    return new EventRejection('bad_onvif_message', `plate event on ${topic} carries no plate`);
  }
  const time = new Date(utc);
  const rule = source['Rule'] ?? source['RuleName'] ?? null;
  const dedupeKey = createHash('sha256')
    .update(JSON.stringify([cameraKey, plainTopic(topic), utc, source, data]))
    .digest('hex')
    .slice(0, 40);
  return {
    cameraKeys: [cameraKey],
    type,
    time,
    confidence: unitConfidence(pick(data, /^(Confidence|Likelihood|Score)$/i)),
    label:
      type === 'anpr'
        ? plate
        : classOf(data) === null
          ? null
          : pick(data, /^(ClassTypes?|ObjectType)$/i),
    direction: direction(data),
    zone: rule,
    dedupeKey: `onvif:${dedupeKey}`,
  };
}

/**
 * A whole `PullMessagesResponse` from the camera at `cameraKey` (the source's mapping key) →
 * one outcome per NotificationMessage. A body that is not well-formed XML, or not a
 * PullMessagesResponse, is one rejection.
 */
export function parseOnvifPull(body: string, cameraKey: string): ParseOutcome[] {
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    return [new EventRejection('bad_xml', `not well-formed XML: ${valid.err.msg.slice(0, 200)}`)];
  }
  const env = obj(xml.parse(body) as unknown);
  const bodyDoc = obj(obj(env?.['Envelope'])?.['Body']);
  const response = obj(bodyDoc?.['PullMessagesResponse']);
  if (!response) {
    return [new EventRejection('not_an_event', 'no PullMessagesResponse in the SOAP body')];
  }
  return list(response['NotificationMessage']).map((n) => {
    const doc = obj(n);
    return doc
      ? fromNotification(doc, cameraKey)
      : new EventRejection('bad_onvif_message', 'empty NotificationMessage');
  });
}
