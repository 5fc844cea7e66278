import { Body, Controller, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, citizenAppSubmitFields } from '@ioc/contracts';
import type { AuditActor } from '@ioc/auth';
import { CitizenAppService, CitizenIntakeService } from '@ioc/citizen';
import { MachineRoute } from '../auth/access.decorators';
import { CitizenLimits } from './citizen-limits';
import { CitizenRefusals } from './citizen-refusals';
import { clientAddress, withRefusals } from './citizen-edge';
import { readCitizenForm } from './citizen-form';

const SOURCE = 'http:/api/v1/citizen/app-reports';
const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Reports an app (a province's citizen app, a hotline's software) files on a resident's
 * behalf: its key (`Authorization: Bearer ioca_…` or `X-Api-Key`) names the app, which is rate-
 * limited on its own allowance; the body is the public form's, plus the app's `externalId`
 * (sending it again answers the case already made).
 */
@Controller('api/v1/citizen/app-reports')
@MachineRoute()
export class CitizenAppController {
  constructor(
    @Inject(CitizenAppService) private readonly apps: CitizenAppService<AuditActor>,
    @Inject(CitizenIntakeService) private readonly intake: CitizenIntakeService<AuditActor>,
    @Inject(CitizenLimits) private readonly limits: CitizenLimits,
    @Inject(CitizenRefusals) private readonly refusals: CitizenRefusals,
  ) {}

  @Post()
  @HttpCode(201)
  async submit(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: unknown,
    @Headers('authorization') authorization?: string,
    @Headers('x-api-key') apiKey?: string,
  ) {
    const key = BEARER.exec(authorization?.trim() ?? '')?.[1] ?? apiKey?.trim() ?? '';
    const app = key === '' ? null : await this.apps.verify(key);
    if (app === null) {
      if (key !== '')
        this.refusals.record(
          'citizen_app_key_invalid',
          SOURCE,
          'unknown, revoked or malformed app key',
        );
      throw new DomainError(
        'unauthorized',
        key === '' ? 'APP_KEY_MISSING' : 'APP_KEY_INVALID',
        key === ''
          ? 'Send the app key as Authorization: Bearer ioca_… or X-Api-Key'
          : 'Unknown or revoked app key',
      );
    }
    await this.limits.take('app', `app:${app.id}`, reply, SOURCE);
    return withRefusals(this.refusals, req, SOURCE, async () => {
      const { fields, photos } = await readCitizenForm(
        req,
        body,
        citizenAppSubmitFields,
        'CITIZEN_REPORT_INVALID',
      );
      const { externalId, ...form } = fields;
      const actor: AuditActor = {
        actor: `app:${app.id}`,
        actorKind: 'machine',
        displayName: app.name,
        ip: clientAddress(req),
      };
      return this.intake.submit(
        form,
        photos,
        {
          clientKey: `app:${app.id}`,
          source: `app:${app.id}`,
          ...(externalId === undefined ? {} : { externalId }),
        },
        actor,
      );
    });
  }
}
