import { describe, expect, it } from 'vitest';
import { EventRejection, IGNORED, type ParsedEvent } from '../event';
import { fixture } from '../testing-fixtures';
import { hikvisionType, parseHikvision } from './hikvision';

const asEvent = (o: unknown) => {
  expect(o).not.toBeInstanceOf(EventRejection);
  expect(o).not.toBe(IGNORED);
  return o as ParsedEvent;
};

describe('Hikvision ISAPI EventNotificationAlert', () => {
  it('reads an ANPR notification in XML: plate, direction, confidence, time, camera keys', () => {
    const e = asEvent(parseHikvision('application/xml', fixture('hikvision-anpr.xml')));
    expect(e).toMatchObject({
      type: 'anpr',
      label: '43C12345',
      direction: 'in',
      confidence: 0.97,
      dedupeKey: 'uuid:7ad1c6b0-7f6e-4a3d-b2f4-2c1a9d6e0001',
    });
    expect(e.time.toISOString()).toBe('2026-12-07T01:15:02.000Z');
    expect(e.cameraKeys).toEqual([
      'ip:10.20.1.21/channel:1',
      'ip:10.20.1.21',
      'mac:44:19:b6:6d:24:85',
      'channel:1',
    ]);
  });

  it('reads the same notification in JSON, reverse = out', () => {
    const e = asEvent(parseHikvision('application/json', fixture('hikvision-anpr.json')));
    expect(e).toMatchObject({
      type: 'anpr',
      label: '43H01234',
      direction: 'out',
      confidence: 0.91,
    });
  });

  it('takes the scene picture of a multipart form, not the plate crop', () => {
    const scene = Buffer.from('scene-bytes');
    const e = asEvent(
      parseHikvision('multipart/form-data', [
        {
          name: 'anpr.xml',
          filename: 'anpr.xml',
          contentType: 'text/xml',
          data: fixture('hikvision-anpr.xml'),
        },
        {
          name: 'licensePlatePicture.jpg',
          filename: 'licensePlatePicture.jpg',
          contentType: 'image/jpeg',
          data: Buffer.from('plate'),
        },
        {
          name: 'detectionPicture.jpg',
          filename: 'detectionPicture.jpg',
          contentType: 'image/jpeg',
          data: scene,
        },
      ]),
    );
    expect(e.snapshot).toEqual(scene);
    expect(e.label).toBe('43C12345');
  });

  it('reads an intrusion with its region as the zone', () => {
    const e = asEvent(parseHikvision('text/xml', fixture('hikvision-fielddetection.xml')));
    expect(e).toMatchObject({ type: 'intrusion', zone: 'region 2', direction: null });
  });

  it('ignores heartbeats (inactive state), refuses what is not a notification', () => {
    expect(parseHikvision('application/xml', fixture('hikvision-heartbeat.xml'))).toBe(IGNORED);
    const broken = parseHikvision(
      'application/xml',
      Buffer.from('<EventNotificationAlert><eventType>ANPR'),
    );
    expect(broken).toBeInstanceOf(EventRejection);
    expect((broken as EventRejection).reason).toBe('bad_xml');
    const noPlate = parseHikvision(
      'application/json',
      Buffer.from(
        JSON.stringify({ eventType: 'ANPR', dateTime: '2026-12-07T08:00:00+07:00', ANPR: {} }),
      ),
    );
    expect((noPlate as EventRejection).reason).toBe('missing_field');
    expect(
      (parseHikvision('application/json', Buffer.from('{"a":')) as EventRejection).reason,
    ).toBe('bad_json');
    expect((parseHikvision('multipart/form-data', []) as EventRejection).reason).toBe(
      'not_an_event',
    );
  });

  it('a retry without UUID has the same dedupe key', () => {
    const body = (plate: string) =>
      Buffer.from(
        JSON.stringify({
          ipAddress: '10.0.0.9',
          channelID: 2,
          dateTime: '2026-12-07T08:00:00+07:00',
          eventType: 'ANPR',
          ANPR: { licensePlate: plate },
        }),
      );
    const a = asEvent(parseHikvision('application/json', body('43A11111')));
    const b = asEvent(parseHikvision('application/json', body('43A11111')));
    const c = asEvent(parseHikvision('application/json', body('43A22222')));
    expect(a.dedupeKey).toBe(b.dedupeKey);
    expect(a.dedupeKey).not.toBe(c.dedupeKey);
  });

  it('maps ISAPI event types', () => {
    expect(hikvisionType('smokeDetection')).toBe('smoke');
    expect(hikvisionType('fireDetection')).toBe('fire');
    expect(hikvisionType('linedetection')).toBe('intrusion');
    expect(hikvisionType('regionEntrance')).toBe('intrusion');
    expect(hikvisionType('vehicledetection')).toBe('anpr');
    expect(hikvisionType('VMD')).toBe('other');
  });
});
