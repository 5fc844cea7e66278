// `npm run bench`: every benchmark in turn, each in its own process so one's heap and timers
// cannot skew the next. bench:compression runs only with TIMESCALE_URL (≈5 min then);
// bench:query generates 10M readings (≈15 min on 2 cores) and runs last.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const benches = [
  'geo.bench.ts',
  'ingest.bench.ts',
  'scale.bench.ts',
  'api.bench.ts',
  'live.bench.ts',
  'ws.bench.ts',
  'wall.bench.ts',
  'bus.bench.ts',
  'compression.bench.ts',
  'query.bench.ts',
];
let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n=== ${file}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, file)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
