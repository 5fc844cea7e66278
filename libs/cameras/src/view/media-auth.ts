import type { MediaAuthRequest } from '@ioc/contracts';
import { timingSafeEqual } from 'node:crypto';
import type { MediaPublisher } from '../ports';
import type { TokenRefusal, ViewTokens } from './view-token';

export type MediaAuthDecision =
  { allow: true; cameraId?: string } | { allow: false; reason: MediaAuthRefusal };

export type MediaAuthRefusal =
  TokenRefusal | 'no_token' | 'wrong_path' | 'camera_gone' | 'publisher_refused' | 'action_refused';

export interface MediaAuthDeps {
  tokens: ViewTokens;
  /** The camera's media paths now; undefined when it no longer exists. */
  pathsOf(cameraId: string): Promise<readonly string[] | undefined>;
  /** Unset: nobody may publish through the platform's hook. */
  publisher?: MediaPublisher | undefined;
  now: () => Date;
}

/**
 * The viewing token of a read: `token=` of the query the media server forwards (`a=1&token=…`),
 * else its `token` field (a bearer header), else a password that is one (players that can only
 * send Basic credentials).
 */
export function tokenOf(
  req: Pick<MediaAuthRequest, 'query' | 'token'> & { password?: string },
): string | null {
  const fromQuery = new URLSearchParams(req.query.replace(/^\?/, '')).get('token');
  if (fromQuery) return fromQuery;
  if (req.token) return req.token;
  return req.password?.startsWith('iocv1.') ? req.password : null;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The media path as MediaMTX names it: no leading or trailing slash. */
function normalPath(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/**
 * The answer to MediaMTX's external HTTP authentication (`authMethod: http`): `read` (and a
 * recording's `playback`) needs a viewing token, unexpired, issued for this very path, of a
 * camera that still has it; `publish` needs the configured publisher credential; the media
 * server's own API, metrics and pprof are never opened through the platform.
 */
export async function decideMediaAuth(
  req: MediaAuthRequest,
  deps: MediaAuthDeps,
): Promise<MediaAuthDecision> {
  switch (req.action) {
    case 'publish': {
      const p = deps.publisher;
      return p && same(req.user, p.user) && same(req.password, p.password)
        ? { allow: true }
        : { allow: false, reason: 'publisher_refused' };
    }
    case 'read':
    case 'playback': {
      const token = tokenOf(req);
      if (!token) return { allow: false, reason: 'no_token' };
      const checked = deps.tokens.check(token, deps.now());
      if (!checked.ok) return { allow: false, reason: checked.reason };
      const path = normalPath(req.path);
      if (!checked.grant.paths.includes(path)) return { allow: false, reason: 'wrong_path' };
      const current = await deps.pathsOf(checked.grant.cameraId);
      if (!current?.includes(path)) return { allow: false, reason: 'camera_gone' };
      return { allow: true, cameraId: checked.grant.cameraId };
    }
    default:
      return { allow: false, reason: 'action_refused' };
  }
}
