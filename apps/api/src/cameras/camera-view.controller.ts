import { Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { cameraIdParams, parseInput } from '@ioc/contracts';
import type { AuditActor } from '@ioc/auth';
import { CameraViewingService } from '@ioc/cameras';
import { Access } from '../auth/access.decorators';
import { auditActor } from '../auth/principal';
import { cameraUnit } from './cameras.controller';

/**
 * Watching a camera: a short-lived token and the media server's browser URLs. The access gate
 * checks the camera's unit against the viewer's before the handler runs, and audits a refusal
 * (`access.denied`), so a ward's viewer never gets a token for another ward's camera.
 */
@Controller('api/v1/cameras')
export class CameraViewController {
  constructor(
    @Inject(CameraViewingService) private readonly viewing: CameraViewingService<AuditActor>,
  ) {}

  @Post(':id/view')
  @HttpCode(200)
  @Access({ action: 'read', unit: cameraUnit })
  view(@Req() req: FastifyRequest, @Param() params: unknown) {
    return this.viewing.grant(parseInput(cameraIdParams, params).id, auditActor(req));
  }
}
