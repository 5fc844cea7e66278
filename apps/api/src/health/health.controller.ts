import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PLATFORM, type PlatformContext } from '../platform/platform.context';
import { VERSION } from '../version';
import { PublicRoute } from '../auth/access.decorators';

@Controller('api/v1/health')
export class HealthController {
  constructor(@Inject(PLATFORM) private readonly ctx: PlatformContext) {}

  /** 200 when the database and broker answer, 503 otherwise — load balancers act on the status. */
  @Get()
  @PublicRoute()
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const db = await this.ctx.pool
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false);
    const broker = this.ctx.brokerConnected();
    const writer = this.ctx.writer.snapshot;
    const ok = db && broker;
    void reply.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'degraded',
      asOf: new Date().toISOString(),
      storage: this.ctx.storage,
      broker: this.ctx.broker.kind,
      mqttPort: this.ctx.broker.port,
      database: db ? 'up' : 'down',
      brokerConnection: broker ? 'up' : 'down',
      migrationVersion: this.ctx.migrationVersion,
      versions: { platform: VERSION, node: process.versions.node },
      uptimeSeconds: Math.round((Date.now() - this.ctx.startedAt.getTime()) / 1000),
      ingest: { buffered: writer.buffered, stored: writer.storedTotal, healthy: writer.healthy },
    };
  }
}
