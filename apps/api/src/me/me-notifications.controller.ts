import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PersonalNotificationService } from '@ioc/live';
import { Authenticated } from '../auth/access.decorators';
import { DomainError } from '@ioc/contracts';
import { requirePrincipal } from '../auth/principal';

/**
 * The signed-in person behind the request. A wall's display token or a machine has no person
 * to notify: 403 with its own code (the gate let it through, the resource refuses it).
 */
function personOf(req: FastifyRequest): { userId: string } {
  const p = requirePrincipal(req);
  if (p.kind !== 'user')
    throw new DomainError('forbidden', 'NOT_A_PERSON', 'Only a signed-in person has notifications');
  return p;
}

/**
 * A signed-in person's own notification settings. Every route acts on the caller's user id
 * from the session: nobody can read or change another person's subscriptions or preferences.
 */
@Controller('api/v1/me')
@Authenticated()
export class MeNotificationsController {
  constructor(
    @Inject(PersonalNotificationService) private readonly personal: PersonalNotificationService,
  ) {}

  @Get('push-subscriptions')
  list(@Req() req: FastifyRequest) {
    return this.personal.subscriptions(personOf(req).userId);
  }

  @Get('push-subscriptions/key')
  key(@Req() req: FastifyRequest) {
    personOf(req);
    return this.personal.vapidPublicKey();
  }

  @Post('push-subscriptions')
  @HttpCode(201)
  subscribe(@Req() req: FastifyRequest, @Body() body: unknown) {
    const ua = req.headers['user-agent'];
    return this.personal.subscribe(personOf(req).userId, body, ua ?? null);
  }

  @Delete('push-subscriptions')
  @HttpCode(204)
  async unsubscribe(@Req() req: FastifyRequest, @Query() query: unknown): Promise<void> {
    await this.personal.unsubscribe(personOf(req).userId, query);
  }

  @Get('notification-preferences')
  preferences(@Req() req: FastifyRequest) {
    return this.personal.preferences(personOf(req).userId);
  }

  @Put('notification-preferences')
  setPreferences(@Req() req: FastifyRequest, @Body() body: unknown) {
    return this.personal.setPreferences(personOf(req).userId, body);
  }
}
