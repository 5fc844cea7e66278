import type { IncomingMessage } from 'node:http';
import { auditActorOf, type Action, type AuthServices, type Principal } from '@ioc/auth';
import type { WsServerMessage } from '@ioc/contracts';
import type { AccessGate } from './access-gate';

/**
 * The WebSocket channels and who may subscribe to them: the channel list of the authorization
 * matrix. A channel the gateway accepts syntactically but that has no entry here is refused
 * (WS_CHANNEL_POLICY_MISSING) — add new channels here with their rule.
 * `unit` extracts the unit the channel is about; null = not narrowed to a unit (whole platform).
 */
export interface ChannelPolicy {
  name: string;
  pattern: RegExp;
  action: Action;
  unit: (match: RegExpExecArray) => string | null;
  /** A concrete channel for a unit, for tests and documentation. */
  example: (unit: string) => string;
}

export const WS_CHANNEL_POLICIES: readonly ChannelPolicy[] = [
  {
    name: 'unit',
    pattern: /^unit:(\d{2}(?:\d{3})?)$/,
    action: 'read',
    unit: (m) => m[1] ?? null,
    example: (u) => `unit:${u}`,
  },
  {
    name: 'alerts:unit',
    pattern: /^alerts:(\d{2}(?:\d{3})?)$/,
    action: 'read',
    unit: (m) => m[1] ?? null,
    example: (u) => `alerts:${u}`,
  },
  {
    name: 'alerts',
    pattern: /^alerts$/,
    action: 'read',
    unit: () => null,
    example: () => 'alerts',
  },
  // Layers carry every unit's data (e.g. all device positions): whole-platform readers only.
  {
    name: 'layer',
    pattern: /^layer:[a-z0-9_-]{1,32}$/,
    action: 'read',
    unit: () => null,
    example: () => 'layer:devices',
  },
];

export function channelPolicy(
  channel: string,
): { policy: ChannelPolicy; unit: string | null } | null {
  for (const policy of WS_CHANNEL_POLICIES) {
    const m = policy.pattern.exec(channel);
    if (m) return { policy, unit: policy.unit(m) };
  }
  return null;
}

/** What the gateway needs of a socket. */
export interface WsPeer {
  send(msg: WsServerMessage): void;
  close(code: number, reason: string): void;
}

// Close codes in the private range (4000–4999): 4401 mirrors HTTP 401.
export const WS_CLOSE_UNAUTHORIZED = 4401;
const AUTH_TIMEOUT_MS = 10_000;
const REVALIDATE_EVERY_MS = 30_000;

/**
 * Authentication state of one /ws connection. The token comes from `?token=` at connect or
 * from a first message `{type:'auth', token}`; until then nothing else is served, and a
 * connection that never authenticates is closed.
 */
export class WsClientAuth {
  principal: Principal | null = null;
  token: string | null = null;
  readonly ip: string | null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly access: WsAccess,
    private readonly peer: WsPeer,
    request: IncomingMessage | undefined,
  ) {
    this.ip = request?.socket.remoteAddress ?? null;
    const url = new URL(request?.url ?? '/', 'http://ws.invalid');
    this.token = url.searchParams.get('token');
    if (this.token === null) {
      this.timer = setTimeout(() => {
        if (!this.principal) this.refuse('AUTH_REQUIRED', 'No auth message received in time');
      }, AUTH_TIMEOUT_MS);
      this.timer.unref();
    }
  }

  /**
   * Resolves the connect-time ?token= (called once, before any message is handled). A URL token
   * is taken as HTTP takes one: a wall's display token only, never a session (URLs end up in
   * proxy logs and browser histories); sessions authenticate with the first message.
   */
  async start(): Promise<void> {
    if (this.token === null) return;
    await this.authenticate(this.token, 'query');
  }

  /** Handles `{type:'auth'}`; true when the connection may go on. */
  async authenticate(token: string, via: 'query' | 'message' = 'message'): Promise<boolean> {
    this.token = token;
    this.principal = await this.access.gate.resolve({ token, via });
    if (this.principal) {
      clearTimeout(this.timer);
      this.access.track(this);
      const p = this.principal;
      this.peer.send({
        type: 'authenticated',
        kind: p.kind,
        displayName: p.displayName,
        units: p.units === 'all' ? [] : [...p.units],
      });
      return true;
    }
    this.refuse('AUTH_INVALID_TOKEN', 'Unknown, expired or revoked token');
    return false;
  }

  /** Whether a non-auth message may be served: only once authenticated. */
  admits(): boolean {
    if (this.principal) return true;
    this.refuse('AUTH_REQUIRED', 'Authenticate first: ?token= or {"type":"auth","token":"…"}');
    return false;
  }

  /** Refusal for one channel (null = allowed); scope refusals are audited. */
  async channelRefusal(channel: string): Promise<{ code: string; message: string } | null> {
    const found = channelPolicy(channel);
    if (!found)
      return {
        code: 'WS_CHANNEL_POLICY_MISSING',
        message: `channel ${channel.slice(0, 64)} declares no access policy`,
      };
    if (!this.principal) return { code: 'AUTH_REQUIRED', message: 'Authenticate first' };
    await this.access.gate.unitsReady([found.unit]);
    const decision = this.access.auth.authorizer.decide(
      this.principal,
      found.policy.action,
      found.unit,
    );
    if (decision.allow) return null;
    await this.access.auth.audit.record(auditActorOf(this.principal, this.ip), {
      action: 'access.denied',
      targetKind: 'ws_channel',
      targetId: channel.slice(0, 64),
      unitCode: found.unit,
      detail: { code: decision.code, action: found.policy.action },
    });
    return { code: decision.code, message: decision.message };
  }

  /** Re-checks the token (revoked, expired, user disabled): false when the socket was closed. */
  async revalidate(): Promise<boolean> {
    if (this.token === null || !this.principal) return true;
    const p = await this.access.gate.resolve({ token: this.token, via: 'message' });
    if (p) {
      this.principal = p;
      return true;
    }
    this.refuse('AUTH_EXPIRED', 'The token was revoked or has expired');
    return false;
  }

  closed(): void {
    clearTimeout(this.timer);
    this.access.untrack(this);
  }

  private refuse(code: string, message: string): void {
    clearTimeout(this.timer);
    this.peer.send({ type: 'error', code, message });
    this.peer.close(WS_CLOSE_UNAUTHORIZED, code);
    this.access.untrack(this);
  }
}

/** Shared WebSocket access state: the live authenticated connections, re-checked periodically. */
export class WsAccess {
  private readonly live = new Set<WsClientAuth>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly auth: AuthServices,
    readonly gate: AccessGate,
  ) {}

  connect(peer: WsPeer, request: IncomingMessage | undefined): WsClientAuth {
    return new WsClientAuth(this, peer, request);
  }

  track(c: WsClientAuth): void {
    this.live.add(c);
    this.timer ??= setInterval(() => void this.sweep(), REVALIDATE_EVERY_MS).unref();
  }

  untrack(c: WsClientAuth): void {
    this.live.delete(c);
  }

  /** Closes connections whose token stopped being valid. Returns how many were closed. */
  async sweep(): Promise<number> {
    let closed = 0;
    for (const c of [...this.live]) if (!(await c.revalidate().catch(() => true))) closed++;
    return closed;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.live.clear();
  }
}
