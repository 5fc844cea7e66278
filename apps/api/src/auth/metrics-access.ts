import type { FastifyRequest } from 'fastify';
import { DomainError } from '@ioc/contracts';
import { sameSecret, type Authorizer } from '@ioc/auth';
import { credentialOf, type AccessGate } from './access-gate';

/**
 * /metrics is scraped by Prometheus, which holds a static bearer (METRICS_TOKEN), not a session
 * that expires; an administrator's session works too. Used by a @MachineRoute.
 */
export class MetricsAccess {
  constructor(
    private readonly gate: AccessGate,
    private readonly authorizer: Authorizer,
    private readonly metricsToken: string | undefined,
  ) {}

  async assert(req: FastifyRequest): Promise<void> {
    const cred = credentialOf(req);
    if (this.metricsToken && cred?.via === 'header' && sameSecret(cred.token, this.metricsToken))
      return;
    const p = await this.gate.authenticate(req);
    const d = this.authorizer.decide(p, 'admin', null);
    if (!d.allow) throw new DomainError('forbidden', d.code, d.message);
  }
}
