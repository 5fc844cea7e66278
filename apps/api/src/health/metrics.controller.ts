import { Controller, Get, Header, Inject } from '@nestjs/common';
import { PLATFORM, type PlatformContext } from '../platform/platform.context';

@Controller()
export class MetricsController {
  constructor(@Inject(PLATFORM) private readonly ctx: PlatformContext) {}

  /** Prometheus exposition: ingest counters, writer latency, buffer depth, process stats. */
  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(): Promise<string> {
    return this.ctx.registry.metrics();
  }
}
