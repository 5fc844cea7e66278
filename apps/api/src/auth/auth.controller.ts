import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginLockedError, type OpenedSession } from '@ioc/auth';
import { DomainError, loginSchema, parseInput, setupSchema } from '@ioc/contracts';
import { Authenticated, PublicRoute } from './access.decorators';
import { clientIp, requirePrincipal } from './principal';
import { SessionService, SetupService } from '@ioc/auth';

/** Sign-in, sign-out, "who am I", and the first-run creation of the first administrator. */
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(SetupService) private readonly setupService: SetupService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @PublicRoute()
  async login(
    @Req() req: FastifyRequest,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpenedSession> {
    const input = parseInput(loginSchema, body);
    return withRetryAfter(reply, () =>
      this.sessions.login({
        ...input,
        ip: clientIp(req),
        userAgent: req.headers['user-agent'] ?? null,
      }),
    );
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  async logout(@Req() req: FastifyRequest): Promise<void> {
    const p = requirePrincipal(req);
    if (p.kind !== 'user')
      throw new DomainError(
        'invalid',
        'NOT_A_SESSION',
        'Only a sign-in session can be logged out; revoke display tokens instead',
      );
    await this.sessions.logout(p, clientIp(req));
  }

  @Get('me')
  @Authenticated()
  me(@Req() req: FastifyRequest) {
    const p = requirePrincipal(req);
    return p.kind === 'user'
      ? {
          kind: p.kind,
          id: p.userId,
          username: p.username,
          displayName: p.displayName,
          role: p.role,
          units: p.units,
        }
      : {
          kind: p.kind,
          id: p.kind === 'display' ? p.tokenId : p.id,
          displayName: p.displayName,
          role: p.kind,
          units: p.units,
        };
  }

  /** Whether the first-run setup is still open (the sign-in page shows the setup form then). */
  @Get('setup')
  @PublicRoute()
  async setupStatus(): Promise<{ setupRequired: boolean }> {
    return { setupRequired: await this.setupService.required() };
  }

  @Post('setup')
  @HttpCode(201)
  @PublicRoute()
  async setup(
    @Req() req: FastifyRequest,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpenedSession> {
    const input = parseInput(setupSchema, body);
    return withRetryAfter(reply, () =>
      this.setupService.complete(input, clientIp(req), req.headers['user-agent'] ?? null),
    );
  }
}

async function withRetryAfter<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof LoginLockedError)
      void reply.header('retry-after', String(err.retryAfterSeconds));
    throw err;
  }
}
