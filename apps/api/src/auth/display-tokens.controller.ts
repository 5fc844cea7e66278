import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { DisplayTokenView } from '@ioc/auth';
import { createDisplayTokenSchema, parseInput } from '@ioc/contracts';
import { Access } from './access.decorators';
import { auditActor } from './principal';
import { wallPath } from './wall-url';
import { DisplayTokenService } from '@ioc/auth';

interface IssuedToken {
  /** Shown once: only its hash is stored. */
  token: string;
  /** Path of the wall for this token (see wall-url.ts). */
  wallPath: string;
  displayToken: DisplayTokenView;
}

/** Read-only tokens for wall screens, scoped to one unit; revocable and rotatable. */
@Controller('api/v1/display-tokens')
@Access({ action: 'admin' })
export class DisplayTokensController {
  constructor(@Inject(DisplayTokenService) private readonly displays: DisplayTokenService) {}

  @Get()
  async list(): Promise<{ asOf: string; items: DisplayTokenView[] }> {
    return { asOf: new Date().toISOString(), items: await this.displays.list() };
  }

  @Post()
  @HttpCode(201)
  async create(@Req() req: FastifyRequest, @Body() body: unknown): Promise<IssuedToken> {
    const issued = await this.displays.create(
      parseInput(createDisplayTokenSchema, body),
      auditActor(req),
    );
    return { ...issued, wallPath: wallPath(issued.displayToken.unitCode, issued.token) };
  }

  /** A new token for the same screen; the old one stops working at once. */
  @Post(':id/rotate')
  async rotate(@Req() req: FastifyRequest, @Param('id') id: string): Promise<IssuedToken> {
    const issued = await this.displays.rotate(id, auditActor(req));
    return { ...issued, wallPath: wallPath(issued.displayToken.unitCode, issued.token) };
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@Req() req: FastifyRequest, @Param('id') id: string): Promise<void> {
    await this.displays.revoke(id, auditActor(req));
  }
}
