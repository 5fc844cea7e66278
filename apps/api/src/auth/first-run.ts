import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@ioc/auth';
import type { AuthContext } from './auth.context';
import { wallPath } from './wall-url';

export interface FirstRun {
  /** One-time token for POST /api/v1/auth/setup; null when an administrator exists (or not embedded). */
  setupToken: string | null;
  /** Wall path with the demo display token (embedded demo only), for the printed wall URL. */
  wallPath: string | null;
}

const WALL_TOKEN_FILE = 'wall-token.txt';
const log = new Logger('auth');

/**
 * First-run credentials of a start. No default password exists: while there is no administrator
 * the embedded platform issues a one-time setup token (printed with the URLs); in services mode
 * the operator runs `ioc users add --admin`. The embedded demo also gets a wall display token,
 * kept in DATA_DIR (mode 0600) so every restart prints the same wall URL.
 */
export async function prepareFirstRun(
  auth: AuthContext,
  opts: { embedded: boolean; seedDemo: boolean; dataDir: string; province: string },
): Promise<FirstRun> {
  const setupToken = opts.embedded ? await auth.setup.prepare() : null;
  if (!opts.embedded && !(await auth.users.adminExists())) {
    log.warn(
      'No administrator exists: create one with `ioc users add --admin --username NAME --password-stdin`',
    );
  }
  const wallToken =
    opts.embedded && opts.seedDemo ? await demoWallToken(auth, opts.dataDir, opts.province) : null;
  return { setupToken, wallPath: wallToken ? wallPath(opts.province, wallToken) : null };
}

async function demoWallToken(
  auth: AuthContext,
  dataDir: string,
  province: string,
): Promise<string> {
  const file = join(dataDir, WALL_TOKEN_FILE);
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    const p = await auth.principals.resolve(kept);
    // Reused only while it is live and still the province wall (an admin may have revoked it).
    if (p?.kind === 'display' && p.units[0] === province) return kept;
  }
  const { token } = await auth.displays.create(
    { name: `Demo wall ${province}`, unitCode: province },
    SYSTEM_ACTOR,
  );
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return token;
}
