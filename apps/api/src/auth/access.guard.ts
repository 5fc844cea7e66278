import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ROUTE_POLICY, type RoutePolicy } from './access.decorators';

/** The guard's port: decide a request against its route's policy (AccessGate implements it). */
export interface RouteAccess {
  check(req: FastifyRequest, reply: FastifyReply, policy: RoutePolicy | undefined): Promise<void>;
}

export const ROUTE_ACCESS = Symbol('RouteAccess');

/**
 * The one global guard (registered in app.module.ts). Every HTTP route must declare a policy
 * (@Access, @Authenticated, @PublicRoute, @MachineRoute); a route without one is denied with
 * ROUTE_POLICY_MISSING, so a new route is closed until someone decides who may call it.
 * WebSocket traffic is checked by the gateway itself (see ws-access.ts).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ROUTE_ACCESS) private readonly gate: RouteAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(ROUTE_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const http = context.switchToHttp();
    await this.gate.check(
      http.getRequest<FastifyRequest>(),
      http.getResponse<FastifyReply>(),
      policy,
    );
    return true;
  }
}
