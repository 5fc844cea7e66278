import { Controller, Get, Inject } from '@nestjs/common';
import type { WebConfig } from '@ioc/contracts';
import { PublicRoute } from '../auth/access.decorators';

export const WEB_CONFIG = Symbol('WebConfig');

@Controller('api/v1/web-config')
export class WebConfigController {
  constructor(@Inject(WEB_CONFIG) private readonly config: WebConfig) {}

  @Get()
  @PublicRoute()
  get(): WebConfig {
    return this.config;
  }
}
