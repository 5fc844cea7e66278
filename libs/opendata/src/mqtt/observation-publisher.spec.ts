import type { Reading } from '@ioc/contracts';
import { describe, expect, it } from 'vitest';
import { ObservationPublisher } from './observation-publisher';
import type { PublicDatastreams } from './ports';

const BASE = 'https://ioc.example.vn';
const at = new Date('2026-03-01T02:03:04.567Z');
const reading = (deviceId: string, metric: string, value: number): Reading => ({
  deviceId,
  metric,
  value,
  time: at,
  unitCode: '20314',
});

/** A fake that counts how often it was asked: the publisher's cost on the ingest path. */
function published(pairs: string[]): PublicDatastreams & { asked: number } {
  const set = new Set(pairs);
  const fake = {
    asked: 0,
    isPublic: (d: string, m: string) => {
      fake.asked++;
      return set.has(`${d}:${m}`);
    },
  };
  return fake;
}

function start(datastreams: PublicDatastreams) {
  const sent: { topic: string; payload: string }[] = [];
  let bases = 0;
  const publisher = new ObservationPublisher({
    datastreams,
    topics: { publish: (topic, payload) => sent.push({ topic, payload }) },
    baseUrl: () => {
      bases++;
      return BASE;
    },
  });
  return { publisher, sent, bases: () => bases };
}

describe('ObservationPublisher', () => {
  it('publishes a public datastream’s reading to its Observations topic and v1.1/Observations, as the HTTP entity', () => {
    const { publisher, sent } = start(published(['aq-1:pm25']));
    publisher.onStored([reading('aq-1', 'pm25', 41.5)]);
    const id = `aq-1:pm25:${at.getTime()}`;
    const self = `${BASE}/sta/v1.1/Observations('${id}')`;
    expect(sent.map((s) => s.topic)).toEqual([
      "v1.1/Datastreams('aq-1:pm25')/Observations",
      'v1.1/Observations',
    ]);
    expect(sent[0]?.payload).toBe(sent[1]?.payload);
    // Key order too: the HTTP API serialises the entity in this order.
    expect(Object.entries(JSON.parse(sent[0]?.payload ?? '{}') as object)).toEqual([
      ['@iot.id', id],
      ['@iot.selfLink', self],
      ['phenomenonTime', '2026-03-01T02:03:04.567Z'],
      ['resultTime', '2026-03-01T02:03:04.567Z'],
      ['result', 41.5],
      ['Datastream@iot.navigationLink', `${self}/Datastream`],
      ['FeatureOfInterest@iot.navigationLink', `${self}/FeatureOfInterest`],
    ]);
  });

  it('skips unpublished datastreams: a public device’s unpublished metric, an unpublished device', () => {
    const { publisher, sent } = start(published(['aq-1:pm25']));
    publisher.onStored([
      reading('aq-1', 'temperature', 30),
      reading('aq-2', 'pm25', 12),
      reading('aq-1', 'pm25', 40),
    ]);
    expect(
      sent.map((s) => JSON.parse(s.payload) as { result: number }).map((o) => o.result),
    ).toEqual([40, 40]);
  });

  it('costs one lookup per row and builds nothing when nothing is public', () => {
    const datastreams = published([]);
    const { publisher, sent, bases } = start(datastreams);
    const rows = Array.from({ length: 500 }, (_, i) => reading(`d-${i % 7}`, 'pm25', i));
    publisher.onStored(rows);
    expect(datastreams.asked).toBe(rows.length);
    expect(sent).toEqual([]);
    expect(bases()).toBe(0);
  });
});
