import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PLATFORM, type PlatformContext } from '../platform/platform.context';
import { MachineRoute } from '../auth/access.decorators';
import { assertMetricsAccess } from '../auth/metrics-access';

@Controller()
export class MetricsController {
  constructor(@Inject(PLATFORM) private readonly ctx: PlatformContext) {}

  /** Prometheus exposition: ingest counters, writer latency, buffer depth, process stats. */
  @Get('metrics')
  @MachineRoute()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(@Req() req: FastifyRequest): Promise<string> {
    await assertMetricsAccess(req, this.ctx);
    return this.ctx.registry.metrics();
  }
}
