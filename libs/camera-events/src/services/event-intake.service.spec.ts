import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedPglite, type DisposableDb } from '@ioc/db';
import { parseFrigate } from '../parse/frigate';
import { parseGeneric } from '../parse/generic';
import { parseHikvision } from '../parse/hikvision';
import type { CountReading, EventCamera } from '../ports';
import { CameraEventRepository } from '../repo/event.repository';
import type { EventSourceRecord } from '../repo/source.repository';
import { fixture } from '../testing-fixtures';
import { CameraEventIntake, countReadings } from './event-intake.service';

const NOW = new Date('2026-12-07T02:00:00Z');
const CAMERA: EventCamera = { id: 'tq-cong-1', unitCode: '20275', lon: 108.25, lat: 16.1 };
const source = (over: Partial<EventSourceRecord> = {}): EventSourceRecord => ({
  id: 'src-1',
  name: 'test',
  kind: 'hikvision',
  cameras: { 'ip:10.20.1.21': CAMERA.id, gate_north: CAMERA.id, 'kho-lanh-cam-3': CAMERA.id },
  baseUrl: 'http://frigate.invalid:5000',
  mqttTopic: null,
  enabled: true,
  secretHash: null,
  createdAt: NOW,
  updatedAt: NOW,
  ...over,
});

describe('CameraEventIntake (PGlite)', () => {
  let db: DisposableDb;
  let repo: CameraEventRepository;
  const counted: CountReading[][] = [];
  const dead: { reason: string; source: string }[] = [];
  const fetched: string[] = [];
  let intake: CameraEventIntake;

  beforeAll(async () => {
    db = await createMigratedPglite();
    repo = new CameraEventRepository(db);
    intake = new CameraEventIntake({
      repo,
      cameras: { get: (id) => Promise.resolve(id === CAMERA.id ? CAMERA : null) },
      counts: {
        record: (_c, readings) => {
          counted.push(readings);
          return Promise.resolve();
        },
      },
      deadLetters: {
        add: (d) => {
          dead.push({ reason: d.reason, source: d.source });
          return Promise.resolve();
        },
      },
      snapshots: {
        fetch: (baseUrl, ref) => {
          fetched.push(`${baseUrl}|${ref}`);
          return Promise.resolve(fixture('snapshot.jpg'));
        },
      },
      now: () => new Date('2026-12-07T20:00:00Z'),
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it('stores a notification once, with its picture, and counts it once', async () => {
    const outcome = parseHikvision('application/xml', fixture('hikvision-anpr.xml'));
    const withPicture = { ...(outcome as object), snapshot: fixture('snapshot.jpg') };
    const first = await intake.take(source(), [withPicture as never], null, 'http:test');
    const again = await intake.take(source(), [outcome], null, 'http:test');
    expect(first.accepted[0]?.duplicate).toBe(false);
    expect(again.accepted).toEqual([{ id: first.accepted[0]?.id, duplicate: true }]);
    expect(counted).toEqual([
      [
        { metric: 'camera_anpr', time: new Date('2026-12-07T01:15:02Z'), value: 1 },
        { metric: 'vehicles_in', time: new Date('2026-12-07T01:15:02Z'), value: 1 },
      ],
    ]);
    const snap = await repo.snapshot(first.accepted[0]?.id ?? '');
    expect(snap?.contentType).toBe('image/jpeg');
    expect(snap?.data.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('Frigate new/update/end: one event, the picture fetched once Frigate has it', async () => {
    counted.length = 0;
    const s = source({ id: 'frigate-1', kind: 'frigate' });
    const ids = [];
    for (const f of ['frigate-new.json', 'frigate-update.json', 'frigate-end.json']) {
      ids.push((await intake.take(s, [parseFrigate(fixture(f))], null, 'mqtt:t')).accepted[0]);
    }
    expect(ids.map((a) => a?.duplicate)).toEqual([false, true, true]);
    expect(counted).toHaveLength(1);
    expect(fetched).toEqual(['http://frigate.invalid:5000|1765070100.512-k3x9qa']);
    expect(await repo.snapshot(ids[0]?.id ?? '')).not.toBeNull();
  });

  it('dead-letters refusals with their reason and keeps the good events beside them', async () => {
    dead.length = 0;
    const body = JSON.stringify({
      events: [
        { camera: 'kho-lanh-cam-3', type: 'smoke', eventId: 'e1' },
        { camera: 'nowhere', type: 'fire' },
        { camera: 'kho-lanh-cam-3', type: 'smoke', time: '2027-06-01T00:00:00Z' },
        { camera: 'kho-lanh-cam-3', type: 'nope' },
      ],
    });
    const r = await intake.take(
      source({ kind: 'generic' }),
      parseGeneric(body, NOW),
      body,
      'http:generic',
    );
    expect(r.accepted).toHaveLength(1);
    expect(r.rejected.map((x) => x.reason)).toEqual([
      'unknown_camera',
      'future_time',
      'invalid_event',
    ]);
    expect(dead).toEqual([
      { reason: 'unknown_camera', source: 'http:generic' },
      { reason: 'future_time', source: 'http:generic' },
      { reason: 'invalid_event', source: 'http:generic' },
    ]);
  });

  it('counts vehicles in/out only for vehicles and plates with a direction', () => {
    const time = NOW;
    expect(countReadings({ type: 'smoke', direction: 'in', time }).map((c) => c.metric)).toEqual([
      'camera_smoke',
    ]);
    expect(countReadings({ type: 'vehicle', direction: 'out', time }).map((c) => c.metric)).toEqual(
      ['camera_vehicle', 'vehicles_out'],
    );
  });
});
