import type { RoutePolicy } from './access.decorators';

export interface RouteEntry {
  method: string;
  /** Fastify route pattern, e.g. /api/v1/units/:code. */
  path: string;
  /** The declared policy; null for a Nest route without one (denied when enforcing). */
  policy: RoutePolicy | null;
  /** 'nest': a controller route behind the access guard; 'fastify': registered on Fastify directly. */
  source: 'nest' | 'fastify';
}

/**
 * The live route table: every route Fastify registered (seen through its onRoute hook) joined
 * with the policies of Nest's controller routes. The authorization matrix test is generated from
 * it, and the raw-route check denies /api routes that bypass the guard.
 */
export class RouteRegistry {
  private readonly fastifyRoutes = new Map<string, { method: string; path: string }>();
  private readonly nestRoutes = new Map<
    string,
    { method: string; path: string; policy: RoutePolicy | null }
  >();

  addFastifyRoute(methods: string | string[], path: string): void {
    for (const m of Array.isArray(methods) ? methods : [methods]) {
      this.fastifyRoutes.set(key(m, path), { method: m.toUpperCase(), path });
    }
  }

  setNestRoutes(routes: { method: string; path: string; policy: RoutePolicy | null }[]): void {
    this.nestRoutes.clear();
    for (const r of routes)
      this.nestRoutes.set(key(r.method, r.path), { ...r, method: r.method.toUpperCase() });
  }

  isNestRoute(method: string, path: string): boolean {
    return this.nestRoutes.has(key(method, path)) || this.nestRoutes.has(key('ALL', path));
  }

  /** Every route, HEAD twins of GET routes left out (Fastify adds them; same handler, same policy). */
  list(): RouteEntry[] {
    const out: RouteEntry[] = [];
    for (const r of this.nestRoutes.values()) out.push({ ...r, source: 'nest' });
    for (const [k, r] of this.fastifyRoutes) {
      if (this.nestRoutes.has(k) || r.method === 'HEAD' || this.nestRoutes.has(key('ALL', r.path)))
        continue;
      out.push({ ...r, policy: null, source: 'fastify' });
    }
    return out.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }
}

function key(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}
