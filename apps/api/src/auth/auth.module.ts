import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditController } from './audit.controller';
import { AuthController } from './auth.controller';
import { DisplayTokensController } from './display-tokens.controller';
import { RouteCatalog } from './route-catalog';
import { UsersController } from './users.controller';

/** Sign-in, users, display tokens and the audit trail; the route catalog for the policy checks. */
@Module({
  imports: [DiscoveryModule],
  controllers: [AuthController, UsersController, DisplayTokensController, AuditController],
  providers: [RouteCatalog],
})
export class AuthModule {}
