import { describe, expect, it } from 'vitest';
import { EventRejection, type ParsedEvent } from '../event';
import { fixture } from '../testing-fixtures';
import { parseGeneric } from './generic';

const NOW = new Date('2026-12-07T02:00:00Z');

describe('generic camera event webhook', () => {
  it('reads one event', () => {
    const [e] = parseGeneric(fixture('generic-smoke.json'), NOW) as ParsedEvent[];
    expect(e).toMatchObject({
      cameraKeys: ['kho-lanh-cam-3'],
      type: 'smoke',
      confidence: 0.87,
      zone: 'Kho lạnh số 3',
      dedupeKey: 'id:vms-2026-12-07-000731',
    });
    expect(e?.time.toISOString()).toBe('2026-12-07T01:12:45.000Z');
  });

  it('judges each element of a batch alone', () => {
    const out = parseGeneric(
      JSON.stringify({
        events: [
          { camera: 'c1', type: 'anpr', plate: '43C12345', direction: 'in' },
          { camera: 'c1', type: 'teleport' },
          { camera: 'c1', type: 'fire', confidence: 7 },
        ],
      }),
      NOW,
    );
    expect((out[0] as ParsedEvent).label).toBe('43C12345');
    expect((out[0] as ParsedEvent).time).toEqual(NOW);
    expect(out[1]).toBeInstanceOf(EventRejection);
    expect((out[1] as EventRejection).message).toMatch(/^type/);
    expect((out[2] as EventRejection).message).toMatch(/^confidence/);
  });

  it('decodes a base64 snapshot (data: URL or bare); same content without eventId, same key', () => {
    const body = {
      camera: 'c1',
      type: 'person',
      time: 1765070100000,
      snapshot: 'data:image/jpeg;base64,/9j/AA==',
    };
    const [a] = parseGeneric(JSON.stringify(body), NOW) as ParsedEvent[];
    const [b] = parseGeneric(JSON.stringify(body), NOW) as ParsedEvent[];
    expect(a?.snapshot).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0x00]));
    expect(a?.dedupeKey).toBe(b?.dedupeKey);
    expect((parseGeneric('not json', NOW)[0] as EventRejection).reason).toBe('bad_json');
  });
});
