import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { WallScreenView } from '@ioc/contracts';
import { Access } from '../auth/access.decorators';
import { requirePrincipal } from '../auth/principal';
import { WallScreenService } from '@ioc/live';

/** Which wall screen shows which tile and scene (libs/contracts http/wall-screens.ts). */
@Controller('api/v1/wall/screens')
export class WallScreensController {
  constructor(@Inject(WallScreenService) private readonly screens: WallScreenService) {}

  /**
   * A screen says what it shows. The unit it names must lie in the caller's scope (the gate
   * checks it). Only display tokens are screens: a person's wall (an admin's scene preview, a
   * signed-in operator) is answered, so the page needs no special case, but not recorded.
   */
  @Post('report')
  @HttpCode(200)
  @Access({ action: 'read', unit: { from: 'body', name: 'unit' } })
  async report(@Req() req: FastifyRequest, @Body() body: unknown): Promise<{ recorded: boolean }> {
    const p = requirePrincipal(req);
    const screen = p.kind === 'display' ? { tokenId: p.tokenId, tokenName: p.displayName } : null;
    return { recorded: await this.screens.report(screen, body) };
  }

  @Get()
  @Access({ action: 'admin' })
  async list(): Promise<{ asOf: string; items: WallScreenView[] }> {
    return { asOf: new Date().toISOString(), items: await this.screens.list() };
  }
}
