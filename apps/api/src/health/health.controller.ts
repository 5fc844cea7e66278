import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { VERSION } from '../version';
import { PublicRoute } from '../auth/access.decorators';
import { PLATFORM_STATUS, type PlatformStatus } from './platform-status';

@Controller('api/v1/health')
export class HealthController {
  constructor(@Inject(PLATFORM_STATUS) private readonly status: PlatformStatus) {}

  /** 200 when the database and broker answer, 503 otherwise — load balancers act on the status. */
  @Get()
  @PublicRoute()
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const db = await this.status.databaseUp();
    const broker = this.status.brokerConnected();
    const writer = this.status.writer();
    const ok = db && broker !== false;
    void reply.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'degraded',
      role: this.status.role,
      asOf: new Date().toISOString(),
      storage: this.status.storage,
      broker: this.status.broker.kind,
      mqttPort: this.status.broker.port,
      database: db ? 'up' : 'down',
      brokerConnection: broker === null ? 'none' : broker ? 'up' : 'down',
      migrationVersion: this.status.migrationVersion,
      versions: { platform: VERSION, node: process.versions.node },
      uptimeSeconds: Math.round((Date.now() - this.status.startedAt.getTime()) / 1000),
      ingest: { buffered: writer.buffered, stored: writer.storedTotal, healthy: writer.healthy },
    };
  }
}
