import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApiConfig } from '@ioc/config';
import type { Reading } from '@ioc/contracts';
import { ReadingWriter } from '@ioc/ingest';
import { createBenchDatabase } from './bench-db';

export interface WriterBenchResult {
  rows: number;
  oursMs: number;
  psqlMs: number;
  oursStored: number;
  psqlStored: number;
}

const METRICS = ['pm25', 'pm10', 'temperature', 'humidity', 'noise_db'] as const;
const ROWS_PER_MESSAGE = METRICS.length;

/**
 * Live-like rows: 1000 devices in 20 wards, each reporting the five metrics of one message
 * every 10 s, in arrival (time) order.
 */
export function benchRows(count: number): Reading[] {
  const devices = 1000;
  const start = Date.now() - 7 * 86_400_000 + 3_600_000;
  const rows: Reading[] = [];
  for (let step = 0; rows.length < count; step++) {
    const time = new Date(start + step * 10_000);
    for (let d = 0; d < devices && rows.length < count; d++) {
      const deviceId = `bench-${String(d).padStart(4, '0')}`;
      const unitCode = String(20_000 + (d % 20));
      for (const [i, metric] of METRICS.entries()) {
        if (rows.length >= count) break;
        rows.push({
          time,
          deviceId,
          metric,
          value: Math.round((20 + i * 7 + ((d * 31 + step) % 50)) * 10) / 10,
          unitCode,
        });
      }
    }
  }
  return rows;
}

function copyText(rows: readonly Reading[]): string {
  const parts: string[] = [];
  for (const r of rows) {
    parts.push(
      `${r.time.toISOString()}\t${r.deviceId}\t${r.metric}\t${String(r.value)}\t${r.unitCode ?? '\\N'}\n`,
    );
  }
  return parts.join('');
}

/**
 * Our ReadingWriter (COPY into a staging table, idempotent insert, rollups in the same
 * transaction) against `psql \copy` of the same rows into an identical, empty table.
 */
export async function benchWriter(
  adminUrl: string,
  psqlBin: string,
  count: number,
): Promise<WriterBenchResult> {
  const rows = benchRows(count);
  const db = await createBenchDatabase(adminUrl);
  const dir = mkdtempSync(join(tmpdir(), 'ioc-bench-'));
  try {
    // psql \copy into a table identical to `reading` (same columns, primary key and indexes).
    await db.pool.query('CREATE TABLE reading_psql (LIKE reading INCLUDING ALL)');
    const file = join(dir, 'rows.copy');
    writeFileSync(file, copyText(rows));
    await db.pool.query('CHECKPOINT');
    const t0 = performance.now();
    const r = spawnSync(
      psqlBin,
      [
        db.url,
        '-v',
        'ON_ERROR_STOP=1',
        '-qc',
        `\\copy reading_psql (time, device_id, metric, value, unit_code) FROM '${file}'`,
      ],
      {
        encoding: 'utf8',
      },
    );
    const psqlMs = performance.now() - t0;
    if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr}`);

    await db.pool.query('CHECKPOINT');
    // The platform's defaults (WRITER_BATCH_SIZE, WRITER_MAX_LATENCY_MS, WRITER_BUFFER_LIMIT).
    const defaults = loadApiConfig({});
    const writer = new ReadingWriter(db.pool, {
      mode: 'postgres',
      batchSize: defaults.WRITER_BATCH_SIZE,
      maxLatencyMs: defaults.WRITER_MAX_LATENCY_MS,
      bufferLimit: defaults.WRITER_BUFFER_LIMIT,
    });
    const t1 = performance.now();
    const pending: Promise<number>[] = [];
    // One enqueue per message (five readings), as the MQTT pipeline calls it: waiting for room
    // once the bounded buffer is full.
    for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) {
      pending.push(writer.enqueue(rows.slice(i, i + ROWS_PER_MESSAGE), { waitForRoom: true }));
    }
    await Promise.all(pending);
    const oursMs = performance.now() - t1;
    await writer.close();

    const counts = await db.pool.query<{ ours: number; psql: number }>(
      'SELECT (SELECT count(*) FROM reading)::int AS ours, (SELECT count(*) FROM reading_psql)::int AS psql',
    );
    return {
      rows: count,
      oursMs,
      psqlMs,
      oursStored: counts.rows[0]?.ours ?? 0,
      psqlStored: counts.rows[0]?.psql ?? 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
}
