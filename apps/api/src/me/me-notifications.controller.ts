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
import { requireUser } from '../auth/principal';

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
    return this.personal.subscriptions(requireUser(req).userId);
  }

  @Get('push-subscriptions/key')
  key(@Req() req: FastifyRequest) {
    requireUser(req);
    return this.personal.vapidPublicKey();
  }

  @Post('push-subscriptions')
  @HttpCode(201)
  subscribe(@Req() req: FastifyRequest, @Body() body: unknown) {
    const ua = req.headers['user-agent'];
    return this.personal.subscribe(requireUser(req).userId, body, ua ?? null);
  }

  @Delete('push-subscriptions')
  @HttpCode(204)
  async unsubscribe(@Req() req: FastifyRequest, @Query() query: unknown): Promise<void> {
    await this.personal.unsubscribe(requireUser(req).userId, query);
  }

  @Get('notification-preferences')
  preferences(@Req() req: FastifyRequest) {
    return this.personal.preferences(requireUser(req).userId);
  }

  @Put('notification-preferences')
  setPreferences(@Req() req: FastifyRequest, @Body() body: unknown) {
    return this.personal.setPreferences(requireUser(req).userId, body);
  }
}
