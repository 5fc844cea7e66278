import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  /** The loopback port, when the socket could not be a Unix socket; null otherwise. */
  port: number | null;
  dataPath: string;
  stop(): Promise<void>;
}

/** Where the embedded database of a DATA_DIR lives. */
function embeddedDataPath(dataDir: string): string {
  return resolve(join(dataDir, 'pglite'));
}

/** Whether DATA_DIR already holds an embedded database (the CLI must not make one by mistake). */
export function embeddedDatabaseExists(dataDir: string): boolean {
  return existsSync(embeddedDataPath(dataDir));
}

/** Longest Unix socket path the kernel takes (sun_path is 108 bytes on Linux, 104 on macOS). */
const MAX_SOCKET_PATH = 100;

/**
 * PGlite persisted under DATA_DIR, exposed through a PostgreSQL wire-protocol socket so the
 * platform runs the very same `pg` code as against a real server. The socket is a Unix socket
 * in DATA_DIR/run (mode 0700): the embedded database has no password, so only the account that
 * runs the platform may connect — a loopback TCP port would let every local user in. A DATA_DIR
 * whose path is too long for a socket falls back to a loopback port.
 * PGlite is single-session: callers keep their pool to one connection (see DB_POOL_MAX).
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dataPath = embeddedDataPath(dataDir);
  mkdirSync(dataPath, { recursive: true });
  const db = await PGlite.create(dataPath);
  const socketDir = resolve(join(dataDir, 'run'));
  const socketPath = join(socketDir, '.s.PGSQL.5432');
  if (socketPath.length <= MAX_SOCKET_PATH) {
    mkdirSync(socketDir, { recursive: true, mode: 0o700 });
    chmodSync(socketDir, 0o700);
    // A socket left by a process that died; PGlite's files are this process's now.
    if (existsSync(socketPath)) rmSync(socketPath);
    const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 8 });
    await server.start();
    return {
      url: `postgres://postgres@${encodeURIComponent(socketDir)}/postgres`,
      port: null,
      dataPath,
      async stop() {
        await server.stop();
        await db.close();
      },
    };
  }
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
