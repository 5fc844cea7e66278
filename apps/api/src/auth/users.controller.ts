import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { UserView } from '@ioc/auth';
import { createUserSchema, parseInput, passwordSchema, updateUserSchema } from '@ioc/contracts';
import { Access } from './access.decorators';
import { auditActor } from './principal';
import { SessionService, UsersService } from '@ioc/auth';

/** User administration: accounts, roles and unit scopes, disabling, password resets. */
@Controller('api/v1/users')
@Access({ action: 'admin' })
export class UsersController {
  constructor(
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  @Get()
  async list(): Promise<{ asOf: string; items: UserView[] }> {
    return { asOf: new Date().toISOString(), items: await this.users.list() };
  }

  @Post()
  @HttpCode(201)
  async create(@Req() req: FastifyRequest, @Body() body: unknown): Promise<UserView> {
    return this.users.create(parseInput(createUserSchema, body), auditActor(req));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<UserView> {
    return this.users.get(id);
  }

  /** Display name, role + unit scope, disabled. Disabling ends the user's sessions. */
  @Patch(':id')
  async update(
    @Req() req: FastifyRequest,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<UserView> {
    return this.users.update(id, parseInput(updateUserSchema, body), auditActor(req));
  }

  /** Sets a new password chosen by the administrator; the user's sessions end. */
  @Post(':id/password')
  @HttpCode(204)
  async resetPassword(
    @Req() req: FastifyRequest,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.users.resetPassword(id, parseInput(passwordSchema, body).password, auditActor(req));
  }

  /** Lifts the login locks of the account, from every address (after a lockout by guessing). */
  @Post(':id/unlock')
  @HttpCode(204)
  async unlock(@Req() req: FastifyRequest, @Param('id') id: string): Promise<void> {
    const user = await this.users.get(id);
    await this.sessions.unlock(user.username, auditActor(req));
  }
}
