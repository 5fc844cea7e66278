import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { startAedes, until } from '../testing/aedes';
import { deviceRecord, ingestPipeline } from '../testing/fakes';
import { MqttCollector } from './mqtt-collector';

/**
 * The reading path as composition wires it (collector → IngestService.handleMqtt → writer):
 * a QoS 1 message is acknowledged to the broker only once the batch holding its readings has
 * committed, and never while the commit fails.
 */
describe('MQTT ingest: PUBACK after the commit', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  const NOW = new Date();
  const setup = async () => {
    const broker = await startAedes('collector-ack');
    closers.push(() => broker.close());
    const p = ingestPipeline({ devices: [deviceRecord('aq-1')], now: NOW });
    const collector = new MqttCollector(
      { url: broker.url, clientId: 'collector-ack', protocolVersion: 4, minPauseMs: 20 },
      (topic, payload, at) => p.ingest.handleMqtt(topic, payload, at),
      () => p.writer.hasRoom(),
    );
    await collector.start();
    closers.push(() => collector.stop());
    const device = await mqtt.connectAsync(broker.url, { clientId: 'aq-1', protocolVersion: 4 });
    closers.push(() => device.endAsync(true));
    const publish = (value: number) =>
      device.publishAsync(
        'ioc/v1/telemetry/aq-1',
        JSON.stringify({ ts: NOW.getTime(), values: { pm25: value } }),
        { qos: 1 },
      );
    return { broker, p, collector, publish };
  };

  it('holds the PUBACK while the batch’s COMMIT is in flight, and sends it once it is done', async () => {
    const { broker, p, collector, publish } = await setup();
    let commit: () => void = () => undefined;
    p.db.gate = new Promise((r) => (commit = r));
    await publish(41);
    await until(() => p.db.log.includes('COMMIT'), 'the batch at its COMMIT');
    expect(collector.stats).toMatchObject({ received: 1, acked: 0 });
    expect(broker.acked).toEqual([]);
    commit();
    await until(() => broker.acked.length === 1, 'the PUBACK at the broker');
    expect(p.db.rowsCommitted).toBe(1);
    expect(collector.stats).toMatchObject({ acked: 1, failed: 0 });
  });

  it('sends no PUBACK for a commit that failed; the retried commit releases it', async () => {
    const { broker, p, collector, publish } = await setup();
    p.db.failCommits = 2;
    let commits: () => void = () => undefined;
    p.db.gate = new Promise((r) => (commits = r));
    await publish(42);
    await until(() => p.db.log.includes('COMMIT'), 'the first COMMIT');
    commits();
    await until(() => p.writer.snapshot.failures === 2, 'two failed commits');
    expect(p.db.rowsCommitted).toBe(0);
    expect(collector.stats.acked).toBe(0);
    await until(() => broker.acked.length === 1, 'the PUBACK after the third COMMIT');
    expect(p.db.rowsCommitted).toBe(1);
    expect(p.db.commits).toBe(1);
  });
});
