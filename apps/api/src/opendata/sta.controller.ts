import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StaService } from '@ioc/opendata';
import { PublicRoute } from '../auth/access.decorators';

export const STA_PREFIX = '/sta/v1.1';

/**
 * OGC SensorThings API 1.1 (read-only) at /sta/v1.1, without an account: every path below the
 * service root (`/Things('x')/Datastreams?$expand=…`) goes to StaService, which only reads the
 * open_public_* views. The public rate limit is a Fastify hook on the /sta/ prefix (open-data).
 */
@Controller('sta/v1.1')
@PublicRoute()
export class StaController {
  constructor(@Inject(StaService) private readonly sta: StaService) {}

  @Get()
  root(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(req, reply);
  }

  @Get('*')
  resource(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.answer(req, reply);
  }

  private async answer(req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const url = req.raw.url ?? req.url;
    const q = url.indexOf('?');
    const pathname = q < 0 ? url : url.slice(0, q);
    const path = pathname.startsWith(STA_PREFIX) ? pathname.slice(STA_PREFIX.length) : '';
    const root = `${req.protocol}://${req.host}${STA_PREFIX}`;
    const answer = await this.sta.handle({ path, query: q < 0 ? '' : url.slice(q + 1), root });
    // Public data changes with every reading: a short shared cache spares the database.
    void reply.header('cache-control', 'public, max-age=10');
    if (answer.kind === 'text') {
      void reply.type('text/plain; charset=utf-8');
      return answer.body;
    }
    return answer.body;
  }
}
