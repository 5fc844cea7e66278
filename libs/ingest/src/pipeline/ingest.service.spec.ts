import { describe, expect, it } from 'vitest';
import { deviceRecord, ingestPipeline } from '../testing/fakes';
import { until } from '../testing/wait';

const NOW = new Date('2026-03-01T01:00:00Z');
const ts = NOW.getTime() - 60_000;
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('IngestService', () => {
  it('settles an MQTT message only once its readings are committed', async () => {
    const p = ingestPipeline({ devices: [deviceRecord('aq-1')], now: NOW });
    let open: () => void = () => undefined;
    p.db.gate = new Promise((r) => (open = r));
    let settled = false;
    const handled = p.ingest
      .handleMqtt('ioc/v1/telemetry/aq-1', json({ ts, values: { pm25: 41.2 } }), NOW)
      .then(() => (settled = true));
    await until(() => p.db.log.includes('COMMIT'), 'the writer to reach its COMMIT');
    expect(settled).toBe(false);
    open();
    await handled;
    expect(p.db.rowsCommitted).toBe(1);
  });

  it('stores the good readings of a message and dead-letters each bad one with its reason', async () => {
    const p = ingestPipeline({ devices: [deviceRecord('aq-1')], now: NOW });
    const outcome = await p.ingest.ingestDevice(
      'aq-1',
      json({ ts, values: { pm25: 12, pm10: 99_999, radon: 3 } }),
      'http:telemetry',
    );
    expect(outcome.accepted).toBe(1);
    expect(outcome.rejected.map((r) => r.reason).sort()).toEqual([
      'out_of_range',
      'unknown_metric',
    ]);
    await outcome.deadLettered;
    expect(p.db.rowsCommitted).toBe(1);
    expect(p.deadLetters.stored.map((d) => [d.reason, d.source, d.deviceId])).toEqual([
      ['out_of_range', 'http:telemetry', 'aq-1'],
      ['unknown_metric', 'http:telemetry', 'aq-1'],
    ]);
    const rejected = await p.metrics.rejected.get();
    expect(rejected.values.map((v) => [v.labels.reason, v.labels.source, v.value]).sort()).toEqual([
      ['out_of_range', 'http', 1],
      ['unknown_metric', 'http', 1],
    ]);
  });

  it('holds an MQTT message until its dead-letter rows are durable too', async () => {
    const p = ingestPipeline({ devices: [deviceRecord('aq-1')], now: NOW });
    p.deadLetters.hold();
    let settled = false;
    const handled = p.ingest
      .handleMqtt('ioc/v1/telemetry/aq-1', json({ ts, values: { pm25: 5, radon: 1 } }), NOW)
      .then(() => (settled = true));
    await until(() => p.db.commits === 1, 'the good reading committed');
    expect(settled).toBe(false);
    p.deadLetters.release();
    await handled;
    expect(p.deadLetters.stored.map((d) => d.reason)).toEqual(['unknown_metric']);
  });

  it('dead-letters a message from an unknown device, with its payload, and writes nothing', async () => {
    const p = ingestPipeline({ devices: [], now: NOW });
    const payload = json({ ts, values: { pm25: 5 } });
    await p.ingest.handleMqtt('ioc/v1/telemetry/ghost', payload, NOW);
    expect(p.db.log).toEqual([]);
    expect(p.deadLetters.stored).toEqual([
      expect.objectContaining({
        reason: 'unknown_device',
        source: 'mqtt:ioc/v1/telemetry/ghost',
        deviceId: 'ghost',
        payload,
      }),
    ]);
  });

  it('refuses a topic outside the contract, and an oversize payload before decoding it', async () => {
    const p = ingestPipeline({ devices: [deviceRecord('aq-1')], now: NOW, maxPayloadBytes: 64 });
    await p.ingest.handleMqtt('ioc/v2/anything', json({}), NOW);
    const big = await p.ingest.ingestDevice(
      'aq-1',
      json({ values: { pm25: 1 }, pad: 'x'.repeat(80) }),
      'http:telemetry',
    );
    await big.deadLettered;
    expect(big.accepted).toBe(0);
    expect(p.deadLetters.stored.map((d) => [d.reason, d.detail])).toEqual([
      ['bad_shape', 'unexpected topic ioc/v2/anything'],
      ['oversize', expect.stringMatching(/exceeds 64$/) as unknown],
    ]);
    expect(p.db.log).toEqual([]);
  });

  it('stores a gateway’s batch for the devices it fronts, and refuses the rest per device', async () => {
    const p = ingestPipeline({
      devices: [
        deviceRecord('gw-1', { kind: 'gateway' }),
        deviceRecord('aq-1', { gatewayId: 'gw-1' }),
        deviceRecord('aq-2', { gatewayId: 'gw-1', unitCode: '20200' }),
        deviceRecord('aq-9', { gatewayId: 'gw-other' }),
      ],
      now: NOW,
    });
    const outcome = await p.ingest.ingestGateway(
      'gw-1',
      json({
        'aq-1': { ts, values: { pm25: 1 } },
        'aq-2': [{ ts, values: { pm25: 2 } }],
        'aq-9': { ts, values: { pm25: 9 } },
      }),
      'mqtt:ioc/v1/gateway/gw-1/telemetry',
    );
    expect(outcome.accepted).toBe(2);
    expect(outcome.rejected).toEqual([
      expect.objectContaining({ reason: 'not_fronted_by_gateway', deviceId: 'aq-9' }),
    ]);
    expect(p.db.rowsCommitted).toBe(2);
  });

  it('places a mobile device’s readings where each was taken, a fixed device’s in its unit', async () => {
    const stored: (string | null)[] = [];
    const p = ingestPipeline({
      devices: [
        deviceRecord('boat-1', { mobile: true, unitCode: null }),
        deviceRecord('aq-1', { unitCode: '20194' }),
      ],
      now: NOW,
      // East of 109° is the sea here: no unit.
      locate: (lon) => (lon < 109 ? '20200' : null),
    });
    const enqueue = p.writer.enqueue.bind(p.writer);
    p.writer.enqueue = (rows, o) => {
      stored.push(...rows.map((r) => r.unitCode));
      return enqueue(rows, o);
    };
    await p.ingest.ingestDevice(
      'boat-1',
      json([
        { ts, values: { pm25: 1 }, pos: { lon: 108.2, lat: 16.0 } },
        { ts: ts + 1000, values: { pm25: 2 }, pos: { lon: 109.5, lat: 16.0 } },
      ]),
      'mqtt:ioc/v1/telemetry/boat-1',
    );
    await p.ingest.ingestDevice('aq-1', json({ ts, values: { pm25: 3 } }), 'http:telemetry');
    expect(stored).toEqual(['20200', null, '20194']);
  });

  it('counts a broker-refused publish and an oversize packet as dead letters, never storing them', async () => {
    const p = ingestPipeline({ devices: [deviceRecord('aq-1')], now: NOW });
    p.ingest.rejectUnauthorizedPublish(
      'aq-1',
      'ioc/v1/telemetry/aq-2',
      json({ values: { pm25: 1 } }),
    );
    p.ingest.rejectOversizePacket('', 9_000_000);
    await p.sink.close();
    expect(p.deadLetters.stored.map((d) => [d.reason, d.deviceId])).toEqual([
      ['topic_not_owned', 'aq-1'],
      ['oversize', null],
    ]);
    expect(p.deadLetters.stored[1]?.detail).toMatch(
      /^an unauthenticated client sent an MQTT packet of 9000000 bytes/,
    );
    expect(p.db.log).toEqual([]);
  });
});
