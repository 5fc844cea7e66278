import { createServer } from 'node:net';

/**
 * Fails before anything is opened or migrated when the HTTP port is taken, so a second
 * `npm start` says so at once instead of after a full start-up. (Another process may still take
 * the port in between: `startHttpServer` gives the same message then.)
 */
export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(portTakenMessage(port))
          : new Error(`cannot listen on ${host}:${port}: ${err.message}`),
      );
    });
    probe.listen({ host, port, exclusive: true }, () => {
      probe.close(() => {
        resolvePromise();
      });
    });
  });
}

export function portTakenMessage(port: number): string {
  return `HTTP port ${port} is already in use: set PORT to a free port (e.g. PORT=8081 npm start)`;
}
