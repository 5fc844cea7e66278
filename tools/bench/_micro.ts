import { Registry } from 'prom-client';
import { IngestService, IngestMetrics, MetricCatalogue, DeviceDirectory, type DeviceRepository, type DeadLetterSink, type ReadingWriter } from '@ioc/ingest';
const catalogue = MetricCatalogue.of([{ code: 'pm25', uom: 'µg/m³', nameVi: '', nameEn: '', category: 'air', min: 0, max: 1000 }]);
const dev = { id: 'bench-0001', kind: 'aq', unitCode: null, lon: null, lat: null, mobile: false, gatewayId: null, devEui: null, profile: {}, expectedIntervalS: 60, tokenHash: '', lastSeen: null, name: null };
const repo = { get: async () => dev, list: async () => [dev] } as unknown as DeviceRepository;
let rows = 0;
const writer = { enqueue: async (r: unknown[]) => { rows += r.length; return r.length; } } as unknown as ReadingWriter;
const dl = { add: async () => undefined } as unknown as DeadLetterSink;
const svc = new IngestService({ devices: new DeviceDirectory(repo), catalogue, writer, deadLetters: dl, metrics: new IngestMetrics(new Registry()), limits: { maxPayloadBytes: 262144, maxAgeMs: 7 * 86400000, maxFutureMs: 300000 } });
const N = 200000;
const base = Date.now() - 100000;
const payloads = Array.from({ length: 1000 }, (_, i) => Buffer.from(`{"ts":${base + i},"values":{"pm25":${i / 10}}}`));
for (let round = 0; round < 3; round++) {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < N; i += 1000) {
    const ps = [];
    for (let j = 0; j < 1000; j++) ps.push(svc.handleMqtt('ioc/v1/telemetry/bench-0001', payloads[j]!, new Date()));
    await Promise.all(ps);
  }
  const c = process.cpuUsage(c0);
  console.log('µs/msg wall', ((performance.now() - t0) * 1000 / N).toFixed(2), 'cpu', ((c.user + c.system) / N).toFixed(2), rows);
}
