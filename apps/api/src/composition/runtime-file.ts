import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Lets the `ioc` CLI reach the running embedded database instead of opening the files twice.
 * Owner-only: the URL opens the database (the embedded socket has no password of its own).
 * Returns the file's path, for the platform to remove when it stops.
 */
export function writeRuntimeFile(
  dataDir: string,
  urls: { databaseUrl: string; mqttUrl: string; httpUrl: string },
): string {
  const file = join(dataDir, 'runtime.json');
  writeFileSync(file, JSON.stringify({ pid: process.pid, ...urls }, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}
