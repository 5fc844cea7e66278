import { benchRows } from './support/writer-bench';
import { encodeCopyChunk } from '../../libs/ingest/src/writer/copy-encoding';
const rows = benchRows(200000);
for (let k = 0; k < 3; k++) {
  const t = performance.now(); let len = 0;
  for (let j = 0; j < rows.length; j += 1000) len += encodeCopyChunk(rows.slice(j, j + 1000)).length;
  console.log('enc ms', Math.round(performance.now() - t), len);
}
