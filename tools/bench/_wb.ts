import { benchWriter } from '/work/main/tools/bench/support/writer-bench';
const r = await benchWriter('postgres://postgres@127.0.0.1:5432/postgres', 'psql', Number(process.argv[2] ?? 500000));
console.log(r, 'ours rows/s', Math.round(r.rows / r.oursMs * 1000), 'psql rows/s', Math.round(r.rows / r.psqlMs * 1000), 'ratio', (r.psqlMs / r.oursMs).toFixed(2));
