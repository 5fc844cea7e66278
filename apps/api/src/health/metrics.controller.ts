import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Registry } from 'prom-client';
import { MachineRoute } from '../auth/access.decorators';
import { MetricsAccess } from '../auth/metrics-access';

@Controller()
export class MetricsController {
  constructor(
    @Inject(Registry) private readonly registry: Registry,
    @Inject(MetricsAccess) private readonly access: MetricsAccess,
  ) {}

  /** Prometheus exposition: ingest counters, writer latency, buffer depth, process stats. */
  @Get('metrics')
  @MachineRoute()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(@Req() req: FastifyRequest): Promise<string> {
    await this.access.assert(req);
    return this.registry.metrics();
  }
}
