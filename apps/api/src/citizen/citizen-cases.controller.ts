import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  citizenAssignBody,
  citizenCommentBody,
  citizenIdParams,
  citizenListQuery,
  citizenPhotoParams,
  citizenRejectBody,
  citizenResolveFields,
  citizenSpamBody,
  citizenStatsQuery,
  citizenTransferBody,
  parseInput,
} from '@ioc/contracts';
import type { AuditActor } from '@ioc/auth';
import { CitizenCaseService, CitizenStatsService } from '@ioc/citizen';
import { Access, type UnitSource } from '../auth/access.decorators';
import { auditActor } from '../auth/principal';
import { sendPhoto } from './citizen-edge';
import { readCitizenForm } from './citizen-form';

/** The unit the case named in the path is with now (404 is left to the handler). */
const caseUnit: UnitSource = {
  from: 'lookup',
  resolve: (req, lookups) => lookups.citizenReportUnit((req.params as { id?: string }).id ?? ''),
};
const HANDLE = { action: 'citizen.handle', unit: caseUnit } as const;

/**
 * The handlers' side of citizen reports: the queue and a case for readers of its unit, each
 * workflow step for the unit's operators and leaders (`citizen.handle`), the monthly figures.
 * A user of another unit is refused every case route by the access guard (audited).
 */
@Controller('api/v1/citizen')
export class CitizenCasesController {
  constructor(
    @Inject(CitizenCaseService) private readonly cases: CitizenCaseService<AuditActor>,
    @Inject(CitizenStatsService) private readonly figures: CitizenStatsService,
  ) {}

  @Get('reports')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  list(@Query() query: unknown) {
    return this.cases.list(parseInput(citizenListQuery, query, 'QUERY_INVALID'));
  }

  @Get('reports/:id')
  @Access({ action: 'read', unit: caseUnit })
  get(@Param() params: unknown) {
    return this.cases.get(parseInput(citizenIdParams, params).id);
  }

  @Get('reports/:id/photos/:photoId')
  @Access({ action: 'read', unit: caseUnit })
  async photo(@Param() params: unknown, @Res() reply: FastifyReply) {
    const { id, photoId } = parseInput(citizenPhotoParams, params);
    const photo = await this.cases.photo(id, photoId);
    await sendPhoto(reply, photo.data, 'private');
  }

  @Post('reports/:id/assign')
  @Access(HANDLE)
  @HttpCode(200)
  assign(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const input = parseInput(citizenAssignBody, body, 'CITIZEN_STEP_INPUT_INVALID');
    return this.cases.assign(idOf(params), input, auditActor(req));
  }

  @Post('reports/:id/start')
  @Access(HANDLE)
  @HttpCode(200)
  start(@Req() req: FastifyRequest, @Param() params: unknown) {
    return this.cases.start(idOf(params), auditActor(req));
  }

  /** multipart/form-data: `note` and 1–3 after-photos (`photo`). */
  @Post('reports/:id/resolve')
  @Access(HANDLE)
  @HttpCode(200)
  async resolve(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const id = idOf(params);
    const { fields, photos } = await readCitizenForm(
      req,
      body,
      citizenResolveFields,
      'CITIZEN_STEP_INPUT_INVALID',
    );
    return this.cases.resolve(id, fields, photos, auditActor(req));
  }

  @Post('reports/:id/reject')
  @Access(HANDLE)
  @HttpCode(200)
  reject(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const input = parseInput(citizenRejectBody, body, 'CITIZEN_STEP_INPUT_INVALID');
    return this.cases.reject(idOf(params), input, auditActor(req));
  }

  /** To another ward of the province or to the province (libs/citizen checks the target). */
  @Post('reports/:id/transfer')
  @Access(HANDLE)
  @HttpCode(200)
  transfer(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const input = parseInput(citizenTransferBody, body, 'CITIZEN_STEP_INPUT_INVALID');
    return this.cases.transfer(idOf(params), input, auditActor(req));
  }

  @Post('reports/:id/comment')
  @Access(HANDLE)
  @HttpCode(200)
  comment(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const input = parseInput(citizenCommentBody, body, 'CITIZEN_STEP_INPUT_INVALID');
    return this.cases.comment(idOf(params), input, auditActor(req));
  }

  @Post('reports/:id/spam')
  @Access(HANDLE)
  @HttpCode(200)
  spam(@Req() req: FastifyRequest, @Param() params: unknown, @Body() body: unknown) {
    const input = parseInput(citizenSpamBody, body, 'CITIZEN_STEP_INPUT_INVALID');
    return this.cases.spam(idOf(params), input, auditActor(req));
  }

  @Get('stats')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  stats(@Query() query: unknown) {
    return this.figures.stats(parseInput(citizenStatsQuery, query, 'QUERY_INVALID'));
  }
}

function idOf(params: unknown): string {
  return parseInput(citizenIdParams, params).id;
}
