import { describe, expect, it } from 'vitest';
import { EventRejection, IGNORED, type ParsedEvent } from '../event';
import { fixture as recorded } from '../testing-fixtures';
import { onvifType, parseOnvifPull, plainTopic } from './onvif';

const fixture = (name: string) => recorded(name).toString('utf8');
const KEY = '10.20.1.21:80';
const events = (name: string) =>
  parseOnvifPull(fixture(name), KEY).filter(
    (o): o is ParsedEvent => typeof o === 'object' && !(o instanceof EventRejection),
  );

describe('parseOnvifPull', () => {
  it('reads a line crossing as an intrusion on the pulled camera, zone = the rule', () => {
    const [e] = events('onvif-line-crossed.xml');
    expect(e).toMatchObject({
      cameraKeys: [KEY],
      type: 'intrusion',
      zone: 'MyLineDetectorRule',
      label: null,
      direction: null,
    });
    expect(e?.time.toISOString()).toBe('2026-12-07T08:15:30.000Z');
    expect(e?.dedupeKey).toMatch(/^onvif:[0-9a-f]{40}$/);
  });

  it('the same message pulled twice has the same dedupe key; another camera another', () => {
    const body = fixture('onvif-line-crossed.xml');
    const [a] = parseOnvifPull(body, KEY) as ParsedEvent[];
    const [b] = parseOnvifPull(body, KEY) as ParsedEvent[];
    const [c] = parseOnvifPull(body, '10.20.1.22:80') as ParsedEvent[];
    expect(a?.dedupeKey).toBe(b?.dedupeKey);
    expect(c?.dedupeKey).not.toBe(a?.dedupeKey);
  });

  it('a field detector: the Initialized state and the object leaving are not events', () => {
    const out = parseOnvifPull(fixture('onvif-field-detector.xml'), KEY);
    expect(out).toHaveLength(3);
    expect(out[0]).toBe(IGNORED);
    expect(out[1]).toMatchObject({ type: 'intrusion', zone: 'MyFieldDetector1' });
    expect(out[2]).toBe(IGNORED);
  });

  it('cell motion is `other` (motion is not a person); a digital input is not an AI event', () => {
    const out = parseOnvifPull(fixture('onvif-motion.xml'), KEY);
    expect(out[0]).toMatchObject({ type: 'other', zone: 'MyMotionDetectorRule' });
    expect(out[1]).toBe(IGNORED);
  });

  it('vendor smoke and fire rules', () => {
    expect(events('onvif-smoke-fire.xml').map((e) => e.type)).toEqual(['smoke', 'fire']);
  });

  it('a plate read is anpr with the plate, its direction and confidence; no plate → rejected', () => {
    const out = parseOnvifPull(fixture('onvif-anpr.xml'), KEY);
    expect(out[0]).toMatchObject({
      type: 'anpr',
      label: '43C12345',
      direction: 'in',
      confidence: 0.92,
      zone: 'GateLane1',
    });
    expect(out[1]).toBeInstanceOf(EventRejection);
    expect((out[1] as EventRejection).reason).toBe('bad_onvif_message');
  });

  it('a message without UtcTime is rejected with its reason', () => {
    const [r] = parseOnvifPull(fixture('onvif-no-time.xml'), KEY);
    expect(r).toBeInstanceOf(EventRejection);
    expect((r as EventRejection).message).toMatch(/no UtcTime/);
  });

  it('broken XML and a SOAP fault are one rejection each', () => {
    const [bad] = parseOnvifPull('<env:Envelope><env:Body>', KEY);
    expect((bad as EventRejection).reason).toBe('bad_xml');
    const fault =
      '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code></s:Fault></s:Body></s:Envelope>';
    expect((parseOnvifPull(fault, KEY)[0] as EventRejection).reason).toBe('not_an_event');
  });
});

describe('onvifType', () => {
  it('strips namespace prefixes from every topic part', () => {
    expect(plainTopic('tns1:RuleEngine/tnshik:LineDetector/Crossed')).toBe(
      'RuleEngine/LineDetector/Crossed',
    );
  });

  it('a rule whose data names the class is that class', () => {
    expect(onvifType('tns1:RuleEngine/LineDetector/Crossed', { ClassTypes: 'Vehicle' })).toBe(
      'vehicle',
    );
    expect(onvifType('tns1:RuleEngine/FieldDetector/ObjectsInside', { ObjectType: 'Human' })).toBe(
      'person',
    );
    expect(onvifType('tns1:VideoSource/MotionAlarm', {})).toBe('other');
    expect(onvifType('tns1:VideoSource/ImageTooDark/AnalyticsService', {})).toBeNull();
  });
});
