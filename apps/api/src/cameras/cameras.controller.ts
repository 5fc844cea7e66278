import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  cameraCreateBody,
  cameraIdParams,
  cameraListQuery,
  cameraPatchBody,
  parseInput,
} from '@ioc/contracts';
import type { AuditActor } from '@ioc/auth';
import { CameraService } from '@ioc/cameras';
import { Access, type UnitSource } from '../auth/access.decorators';
import { auditActor } from '../auth/principal';

/** The unit of the camera named in the path (a missing one: 404 for admins, 403 for the scoped). */
export const cameraUnit: UnitSource = {
  from: 'lookup',
  resolve: (req, lookups) => lookups.cameraUnit((req.params as { id?: string }).id ?? ''),
};

/**
 * The camera registry: readers list and open the cameras of their units; administrators
 * register, edit and remove them. No answer carries a camera's credentials.
 */
@Controller('api/v1/cameras')
export class CamerasController {
  constructor(@Inject(CameraService) private readonly cameras: CameraService<AuditActor>) {}

  @Get()
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  list(@Query() query: unknown) {
    return this.cameras.list(parseInput(cameraListQuery, query, 'QUERY_INVALID'));
  }

  @Get(':id')
  @Access({ action: 'read', unit: cameraUnit })
  get(@Param() params: unknown) {
    return this.cameras.get(parseInput(cameraIdParams, params).id);
  }

  @Post()
  @HttpCode(201)
  @Access({ action: 'admin' })
  create(@Req() req: FastifyRequest, @Body() body: unknown) {
    return this.cameras.create(
      parseInput(cameraCreateBody, body, 'CAMERA_INVALID'),
      auditActor(req),
    );
  }

  @Patch(':id')
  @Access({ action: 'admin' })
  patch(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const { id } = parseInput(cameraIdParams, params);
    return this.cameras.patch(
      id,
      parseInput(cameraPatchBody, body, 'CAMERA_INVALID'),
      auditActor(req),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @Access({ action: 'admin' })
  async remove(@Req() req: FastifyRequest, @Param() params: unknown): Promise<void> {
    await this.cameras.remove(parseInput(cameraIdParams, params).id, auditActor(req));
  }
}
