import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PLATFORM, type PlatformContext } from '../platform/platform.context';
import { AuditController } from './audit.controller';
import { AuthController } from './auth.controller';
import { DisplayTokensController } from './display-tokens.controller';
import { RouteCatalog } from './route-catalog';
import { UsersController } from './users.controller';

/** Sign-in, users, display tokens and the audit trail; the route catalog for the policy checks. */
@Module({})
export class AuthModule {
  static forPlatform(ctx: PlatformContext): DynamicModule {
    return {
      module: AuthModule,
      imports: [DiscoveryModule],
      controllers: [AuthController, UsersController, DisplayTokensController, AuditController],
      providers: [{ provide: PLATFORM, useValue: ctx }, RouteCatalog],
    };
  }
}
