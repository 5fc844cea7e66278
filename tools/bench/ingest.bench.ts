/**
 * `npm run bench:ingest` — ingest throughput as ratios against peers measured in the same run
 * (ARCHITECTURE §8):
 *
 *  1. DB writer: our ReadingWriter (COPY into a staging table, idempotent insert, 1m/1h/1d
 *     rollups in the same transaction) vs `psql \copy` of the same rows into an identical
 *     empty table. Target ≥ 0.5×.
 *  2. MQTT → stored: the whole platform (services mode, PUBACK only after commit) behind a
 *     private Mosquitto configured from infra/mosquitto, vs a bare `mosquitto_sub -q 1 -C N`
 *     draining the same publisher. Targets ≥ 15k msg/s, ≥ 0.7×, zero loss at QoS 1.
 *  3. Messages lost, and CPU-seconds of the platform process per 100k messages, against a bare
 *     MQTT.js QoS 1 subscriber that only JSON.parses the same messages. Target ≤ 3×.
 *
 * Needs PostgreSQL (BENCH_POSTGRES_URL, default the local server), psql and the Mosquitto
 * binaries. Sizes: BENCH_WRITER_ROWS (500000), BENCH_MQTT_MESSAGES (100000), BENCH_PUBLISHERS (8).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { benchEnv } from './support/env';
import { benchMqtt } from './support/mqtt-bench';
import { benchWriter } from './support/writer-bench';

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'ok' : 'BELOW TARGET');
const out = (line = '') => process.stdout.write(`${line}\n`);

function version(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.split('\n')[0]?.trim() ?? '?';
}

async function main(): Promise<void> {
  out(`IOC ingest benchmark — ${new Date().toISOString()}`);
  out(
    `node ${process.versions.node}, ${cpus().length} CPU(s), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )} at start; ${version(benchEnv.psqlBin, ['--version'])}; ${version(benchEnv.mosquittoBin, ['-h'])}`,
  );
  out();

  const w = await benchWriter(benchEnv.postgresAdminUrl, benchEnv.psqlBin, benchEnv.writerRows);
  const oursRate = (w.rows / w.oursMs) * 1000;
  const psqlRate = (w.rows / w.psqlMs) * 1000;
  const writerRatio = oursRate / psqlRate;
  out(
    `DB writer — ${fmt(w.rows)} readings (1000 devices × 5 metrics, in time order), fresh tables`,
  );
  out(
    `  ReadingWriter (COPY → stage → idempotent insert + rollups)  ${fmt(w.oursMs / 1000, 1).padStart(7)} s  ${fmt(oursRate).padStart(9)} rows/s  (stored ${fmt(w.oursStored)})`,
  );
  out(
    `  psql \\copy into an identical table                          ${fmt(w.psqlMs / 1000, 1).padStart(7)} s  ${fmt(psqlRate).padStart(9)} rows/s  (stored ${fmt(w.psqlStored)})`,
  );
  out(`  ratio ${fmt(writerRatio, 2)}×   target ≥ 0.5×   ${verdict(writerRatio >= 0.5)}`);
  out();

  const m = await benchMqtt({
    adminUrl: benchEnv.postgresAdminUrl,
    mosquittoSubBin: benchEnv.mosquittoSubBin,
    messages: benchEnv.mqttMessages,
    devices: benchEnv.publishers,
  });
  const platformRate = (m.messages / m.platformMs) * 1000;
  const subRate = (m.messages / m.subMs) * 1000;
  const mqttRatio = platformRate / subRate;
  const cpuPer100k = (m.cpuMs / 1000) * (100_000 / m.messages);
  out(
    `MQTT → stored — ${fmt(m.messages)} QoS 1 messages from ${benchEnv.publishers} devices through a private Mosquitto (infra/mosquitto)`,
  );
  out(
    `  platform (collector → pipeline → writer, PUBACK after commit) ${fmt(m.platformMs / 1000, 1).padStart(6)} s  ${fmt(platformRate).padStart(9)} msg/s   target ≥ 15,000   ${verdict(platformRate >= 15_000)}`,
  );
  out(
    `  mosquitto_sub -q 1 -C ${m.messages} (same publisher)         ${fmt(m.subMs / 1000, 1).padStart(6)} s  ${fmt(subRate).padStart(9)} msg/s`,
  );
  out(`  ratio ${fmt(mqttRatio, 2)}×   target ≥ 0.7×   ${verdict(mqttRatio >= 0.7)}`);
  out(
    `  (publisher alone: ${fmt(m.publisherMsPlatform / 1000, 1)} s during the platform run, ${fmt(m.publisherMsSub / 1000, 1)} s during mosquitto_sub's)`,
  );
  out(
    `Messages lost: ${fmt(m.lost)} of ${fmt(m.messages)} (stored ${fmt(m.stored)}, duplicates ${fmt(m.duplicates)})   target 0   ${verdict(m.lost === 0)}`,
  );
  const usPerMsg = (m.cpuMs * 1000) / m.messages;
  const bareUsPerMsg = (m.bareCpuMs * 1000) / m.messages;
  const cpuRatio = usPerMsg / bareUsPerMsg;
  out(
    `CPU: ${fmt(cpuPer100k, 2)} CPU-seconds per 100k messages (platform process, user + system, publish → last commit)`,
  );
  out(
    `  per stored message ${fmt(usPerMsg, 1)} µs vs a bare MQTT.js QoS 1 subscriber that only JSON.parses ${fmt(bareUsPerMsg, 1)} µs (${fmt(m.bareMs / 1000, 1)} s for the same messages)`,
  );
  out(`  ratio ${fmt(cpuRatio, 2)}×   target ≤ 3×   ${verdict(cpuRatio <= 3)}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench:ingest failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
