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
  citizenCodeParams,
  citizenLocateQuery,
  citizenPublicMapQuery,
  citizenPublicPhotoParams,
  citizenRateBody,
  citizenReopenBody,
  citizenSubmitFields,
  citizenWardsQuery,
  parseInput,
} from '@ioc/contracts';
import { UnitDirectory } from '@ioc/geo';
import { bandOf, childrenGeoJson } from '../units/unit-map';
import type { AuditActor } from '@ioc/auth';
import { CitizenCaseService, CitizenIntakeService, CitizenPublicService } from '@ioc/citizen';
import { PublicRoute } from '../auth/access.decorators';
import { CitizenLimits } from './citizen-limits';
import { CitizenRefusals } from './citizen-refusals';
import { clientAddress, clientKeyOf, residentActor, sendPhoto, withRefusals } from './citizen-edge';
import { readCitizenForm } from './citizen-form';

const SOURCE = 'http:/api/v1/public/citizen/reports';

/** Injection token: the province this platform runs for (IOC_PROVINCE). */
export const CITIZEN_PROVINCE = 'ioc:citizen-province';

/**
 * What residents use without an account: the categories, the ward of a point, submitting a
 * report (multipart with photos, or JSON), following it by its tracking code, rating and
 * reopening it, and the public map. Every route is rate-limited per client address; nothing
 * answered here names the reporter (libs/citizen's public views).
 */
@Controller('api/v1/public/citizen')
@PublicRoute()
export class CitizenPublicController {
  constructor(
    @Inject(CitizenPublicService) private readonly reads: CitizenPublicService,
    @Inject(CitizenIntakeService) private readonly intake: CitizenIntakeService<AuditActor>,
    @Inject(CitizenCaseService) private readonly cases: CitizenCaseService<AuditActor>,
    @Inject(CitizenLimits) private readonly limits: CitizenLimits,
    @Inject(CitizenRefusals) private readonly refusals: CitizenRefusals,
    @Inject(UnitDirectory) private readonly units: UnitDirectory,
    @Inject(CITIZEN_PROVINCE) private readonly province: string,
  ) {}

  /** The province's wards for the intake map (the signed-in units map draws the same data). */
  @Get('wards')
  async wards(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: unknown,
  ) {
    await this.read(req, reply);
    const band = bandOf(parseInput(citizenWardsQuery, query, 'QUERY_INVALID'));
    void reply.header('cache-control', 'public, max-age=3600');
    return childrenGeoJson(this.units, this.province, band);
  }

  @Get('categories')
  async categories(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.read(req, reply);
    return this.reads.categories();
  }

  @Get('locate')
  async locate(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: unknown,
  ) {
    await this.read(req, reply);
    const { lat, lon } = parseInput(citizenLocateQuery, query, 'QUERY_INVALID');
    return this.intake.locate(lat, lon);
  }

  /** multipart/form-data (fields and up to three `photo` files) or JSON without photos. */
  @Post('reports')
  @HttpCode(201)
  async submit(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: unknown,
  ) {
    await this.limits.take('submit', clientAddress(req), reply, SOURCE);
    return withRefusals(this.refusals, req, SOURCE, async () => {
      const { fields, photos } = await readCitizenForm(
        req,
        body,
        citizenSubmitFields,
        'CITIZEN_REPORT_INVALID',
      );
      return this.intake.submit(
        fields,
        photos,
        { clientKey: clientKeyOf(req), source: 'web' },
        residentActor(req),
      );
    });
  }

  @Get('reports/:code')
  async track(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param() params: unknown,
  ) {
    await this.read(req, reply);
    return this.reads.track(parseInput(citizenCodeParams, params).code);
  }

  @Get('reports/:code/photos/:photoId')
  async photo(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param() params: unknown) {
    await this.read(req, reply);
    const { code, photoId } = parseInput(citizenPublicPhotoParams, params);
    const photo = await this.reads.photo(code, photoId);
    await sendPhoto(reply, photo.data, 'public');
  }

  @Post('reports/:code/rating')
  @HttpCode(200)
  async rate(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param() params: unknown,
    @Body() body: unknown,
  ) {
    await this.limits.take('submit', clientAddress(req), reply, `${SOURCE}/rating`);
    const { code } = parseInput(citizenCodeParams, params);
    const rating = parseInput(citizenRateBody, body, 'CITIZEN_RATING_INVALID');
    return this.cases.rate(code, rating, residentActor(req));
  }

  @Post('reports/:code/reopen')
  @HttpCode(200)
  async reopen(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param() params: unknown,
    @Body() body: unknown,
  ) {
    await this.limits.take('submit', clientAddress(req), reply, `${SOURCE}/reopen`);
    const { code } = parseInput(citizenCodeParams, params);
    const reopen = parseInput(citizenReopenBody, body, 'CITIZEN_REOPEN_INVALID');
    return this.cases.reopen(code, reopen, residentActor(req));
  }

  @Get('map')
  async map(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query() query: unknown,
  ) {
    await this.read(req, reply);
    return this.reads.map(parseInput(citizenPublicMapQuery, query, 'QUERY_INVALID'));
  }

  private read(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    return this.limits.take(
      'read',
      clientAddress(req),
      reply,
      `http:${req.url.split('?')[0] ?? ''}`,
    );
  }
}
