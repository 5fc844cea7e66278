import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataPath: string;
  stop(): Promise<void>;
}

/**
 * PGlite persisted under DATA_DIR, exposed through a PostgreSQL wire-protocol socket on a free
 * loopback port, so the platform runs the very same `pg` code as against a real server.
 * PGlite is single-session: callers keep their pool to one connection (see DB_POOL_MAX).
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dataPath = resolve(join(dataDir, 'pglite'));
  mkdirSync(dataPath, { recursive: true });
  const db = await PGlite.create(dataPath);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  const port = serverPort(server);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataPath,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

function serverPort(server: PGLiteSocketServer): number {
  // The package exposes no getter for an OS-assigned port; its net.Server is a private field.
  const inner = (server as unknown as { server?: { address(): AddressInfo | string | null } })
    .server;
  const addr = inner?.address();
  if (!addr || typeof addr === 'string')
    throw new Error('PGlite socket server did not report its port');
  return addr.port;
}
