import { timingSafeEqual } from 'node:crypto';
import { Body, Controller, Header, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  brokerSecretParams,
  DomainError,
  parseInput,
  rabbitResourceBody,
  rabbitTopicBody,
  rabbitUserBody,
  rabbitVhostBody,
} from '@ioc/contracts';
import { RabbitMqAccess } from '@ioc/ingest';
import { MachineRoute } from '../auth/access.decorators';

/** BROKER_AUTH_SECRET (undefined: the routes answer 503). */
export const BROKER_AUTH_SECRET = Symbol('BrokerAuthSecret');

type Answer = 'allow' | 'deny';
const answer = (ok: boolean): Answer => (ok ? 'allow' : 'deny');

/**
 * rabbitmq_auth_backend_http's questions (issue 19, infra/rabbitmq/rabbitmq.conf): who a device
 * is and what it may do on the cluster. The plugin can send no header, so the shared secret is
 * a path segment; the rules themselves are RabbitMqAccess's (libs/ingest).
 */
@Controller('api/v1/broker/rabbitmq/:secret')
@MachineRoute()
export class RabbitMqAuthController {
  constructor(
    @Inject(RabbitMqAccess) private readonly access: RabbitMqAccess,
    @Inject(BROKER_AUTH_SECRET) private readonly secret: string | undefined,
  ) {}

  @Post('user')
  @HttpCode(200)
  @Header('content-type', 'text/plain; charset=utf-8')
  async user(@Param() params: unknown, @Body() body: unknown): Promise<Answer> {
    this.check(params);
    return answer(await this.access.user(parseInput(rabbitUserBody, body)));
  }

  @Post('vhost')
  @HttpCode(200)
  @Header('content-type', 'text/plain; charset=utf-8')
  vhost(@Param() params: unknown, @Body() body: unknown): Answer {
    this.check(params);
    return answer(this.access.vhost(parseInput(rabbitVhostBody, body)));
  }

  @Post('resource')
  @HttpCode(200)
  @Header('content-type', 'text/plain; charset=utf-8')
  resource(@Param() params: unknown, @Body() body: unknown): Answer {
    this.check(params);
    return answer(this.access.resource(parseInput(rabbitResourceBody, body)));
  }

  @Post('topic')
  @HttpCode(200)
  @Header('content-type', 'text/plain; charset=utf-8')
  topic(@Param() params: unknown, @Body() body: unknown): Answer {
    this.check(params);
    return answer(this.access.topic(parseInput(rabbitTopicBody, body)));
  }

  private check(params: unknown): void {
    if (this.secret === undefined)
      throw new DomainError(
        'unavailable',
        'BROKER_AUTH_NOT_CONFIGURED',
        'Chưa cấu hình BROKER_AUTH_SECRET · BROKER_AUTH_SECRET is not configured',
      );
    const { secret } = parseInput(brokerSecretParams, params);
    const a = Buffer.from(secret);
    const b = Buffer.from(this.secret);
    if (a.length !== b.length || !timingSafeEqual(a, b))
      throw new DomainError(
        'unauthorized',
        'BROKER_AUTH_INVALID_SECRET',
        'Sai bí mật · Wrong secret',
      );
  }
}
