import type { FastifyRequest } from 'fastify';
import { DomainError } from '@ioc/contracts';
import { sameSecret } from '@ioc/auth';
import type { PlatformContext } from '../platform/platform.context';
import { credentialOf } from './access-gate';

/**
 * /metrics is scraped by Prometheus, which holds a static bearer (METRICS_TOKEN), not a session
 * that expires; an administrator's session works too. Used by a @MachineRoute.
 */
export async function assertMetricsAccess(
  req: FastifyRequest,
  ctx: PlatformContext,
): Promise<void> {
  const { auth, config } = ctx;
  if (!auth.enforce) return;
  const cred = credentialOf(req);
  if (
    config.METRICS_TOKEN &&
    cred?.via === 'header' &&
    sameSecret(cred.token, config.METRICS_TOKEN)
  )
    return;
  const p = await auth.gate.authenticate(req);
  if (!p)
    throw new DomainError(
      'unauthorized',
      'AUTH_REQUIRED',
      'Present METRICS_TOKEN or an administrator session',
    );
  const d = auth.authorizer.decide(p, 'admin', null);
  if (!d.allow) throw new DomainError('forbidden', d.code, d.message);
}
