import { describe, expect, it } from 'vitest';
import { EventRejection, IGNORED, type ParsedEvent } from '../event';
import { fixture } from '../testing-fixtures';
import { frigateType, parseFrigate } from './frigate';

describe('Frigate frigate/events', () => {
  it('new, update and end of one tracked object share one dedupe key', () => {
    const [n, u, e] = ['frigate-new.json', 'frigate-update.json', 'frigate-end.json'].map(
      (f) => parseFrigate(fixture(f)) as ParsedEvent,
    );
    expect(n).toMatchObject({
      cameraKeys: ['gate_north'],
      type: 'vehicle',
      label: 'car',
      zone: 'gate_in',
      direction: 'in',
      confidence: 0.84,
      dedupeKey: 'frigate:1765070100.512-k3x9qa',
    });
    expect(n?.time.getTime()).toBe(1765070100512);
    expect(n?.snapshotRef).toBeUndefined();
    expect(u?.dedupeKey).toBe(n?.dedupeKey);
    expect(e?.dedupeKey).toBe(n?.dedupeKey);
    // The snapshot exists once Frigate says so.
    expect(u?.snapshotRef).toBe('1765070100.512-k3x9qa');
  });

  it('ignores false positives, refuses malformed messages', () => {
    const fp = JSON.parse(fixture('frigate-new.json').toString()) as {
      after: Record<string, unknown>;
    };
    fp.after['false_positive'] = true;
    expect(parseFrigate(JSON.stringify(fp))).toBe(IGNORED);
    expect((parseFrigate('{oops') as EventRejection).reason).toBe('bad_json');
    expect((parseFrigate('{"type":"new"}') as EventRejection).reason).toBe('missing_field');
    expect((parseFrigate('{"type":"delete","after":{}}') as EventRejection).reason).toBe(
      'not_an_event',
    );
  });

  it('maps labels; a recognised plate makes it a plate read', () => {
    expect(frigateType('truck', null)).toBe('vehicle');
    expect(frigateType('person', null)).toBe('person');
    expect(frigateType('smoke', null)).toBe('smoke');
    expect(frigateType('fire', null)).toBe('fire');
    expect(frigateType('car', '43C12345')).toBe('anpr');
    expect(frigateType('dog', null)).toBe('other');
  });
});
