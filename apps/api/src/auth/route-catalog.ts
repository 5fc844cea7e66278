import { Inject, Injectable, type OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { RouteRegistry } from './route-registry';
import { ROUTE_POLICY, type RoutePolicy } from './access.decorators';

/**
 * Reads every controller route and its declared policy from Nest's metadata once the app is
 * built, and hands them to the platform's RouteRegistry (for the raw-route check and the
 * authorization matrix test).
 */
@Injectable()
export class RouteCatalog implements OnApplicationBootstrap {
  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(RouteRegistry) private readonly registry: RouteRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const routes: { method: string; path: string; policy: RoutePolicy | null }[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const type = wrapper.metatype as (abstract new (...args: never[]) => unknown) | null;
      const instance = wrapper.instance as Record<string, unknown> | null | undefined;
      if (!type || !instance) continue;
      const prefixes = paths(Reflect.getMetadata(PATH_METADATA, type));
      const proto = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const handler = instance[name];
        if (typeof handler !== 'function') continue;
        const method: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
        if (typeof method !== 'number') continue;
        const policy =
          this.reflector.getAllAndOverride<RoutePolicy | undefined>(ROUTE_POLICY, [
            handler,
            type,
          ]) ?? null;
        for (const prefix of prefixes) {
          for (const sub of paths(Reflect.getMetadata(PATH_METADATA, handler))) {
            routes.push({
              method: RequestMethod[method] ?? 'ALL',
              path: join(prefix, sub),
              policy,
            });
          }
        }
      }
    }
    this.registry.setNestRoutes(routes);
  }
}

function paths(meta: unknown): string[] {
  if (Array.isArray(meta)) return meta.filter((p): p is string => typeof p === 'string');
  return [typeof meta === 'string' ? meta : '/'];
}

function join(a: string, b: string): string {
  const parts = [a, b].map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p.length > 0);
  return `/${parts.join('/')}`;
}
