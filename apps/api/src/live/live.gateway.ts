import type { IncomingMessage } from 'node:http';
import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { WebSocket } from 'ws';
import type { WsClientMessage, WsServerMessage } from '@ioc/contracts';
import { parseClientMessage } from './ws-message';
import type { WsClientAuth } from '../auth/ws-access';
import { LiveHub } from '@ioc/live';
import { WsAccess } from '../auth/ws-access';
import { CHANNEL_UNITS, type ChannelUnits } from './channel-units';

const CHANNEL = /^(unit:\d{2}(\d{3})?|layer:[a-z0-9_-]{1,32}|alerts(:\d{2}(\d{3})?)?)$/;

/**
 * `/ws`: clients subscribe to channels and receive coalesced deltas from the LiveHub. The
 * gateway only parses and checks messages; fan-out policy lives in the hub.
 */
@WebSocketGateway({ path: '/ws' })
export class LiveGateway implements OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger('ws');
  /** Per connection: its authentication, and a chain that handles its messages in order. */
  private readonly conns = new WeakMap<WebSocket, { auth: WsClientAuth; chain: Promise<void> }>();

  constructor(
    @Inject(LiveHub) private readonly hub: LiveHub,
    @Inject(WsAccess) private readonly access: WsAccess,
    @Inject(CHANNEL_UNITS) private readonly units: ChannelUnits,
  ) {}

  handleConnection(client: WebSocket, request?: IncomingMessage): void {
    this.hub.add(client);
    const auth = this.access.connect(
      {
        send: (msg) => {
          send(client, msg);
        },
        close: (code, reason) => {
          client.close(code, reason);
        },
      },
      request,
    );
    const conn = {
      auth,
      chain: auth.start().catch((err: unknown) => {
        this.logger.warn(`ws auth failed: ${String(err)}`);
      }),
    };
    this.conns.set(client, conn);
    client.on('message', (data: Buffer) => {
      // Sequential per connection: an auth message must take effect before the next subscribe.
      conn.chain = conn.chain
        .then(() => this.onMessage(client, data))
        .catch((err: unknown) => {
          this.logger.warn(`ws message failed: ${String(err)}`);
        });
    });
    client.on('error', (err) => {
      this.logger.debug(`socket error: ${err.message}`);
    });
  }

  handleDisconnect(client: WebSocket): void {
    this.hub.remove(client);
    this.conns.get(client)?.auth.closed();
  }

  onModuleDestroy(): void {
    this.access.stop();
  }

  private async onMessage(client: WebSocket, data: Buffer): Promise<void> {
    const parsed = parseClientMessage(data);
    const auth = this.conns.get(client)?.auth;
    if (!auth) return;
    if (!parsed.ok) {
      if (auth.admits())
        send(client, { type: 'error', code: 'WS_BAD_MESSAGE', message: parsed.error });
      return;
    }
    const msg = parsed.message;
    if (msg.type === 'auth') {
      await auth.authenticate(msg.token);
      return;
    }
    if (!auth.admits()) return;
    await this.handle(client, msg, auth);
  }

  private async handle(
    client: WebSocket,
    msg: Exclude<WsClientMessage, { type: 'auth' }>,
    auth: WsClientAuth,
  ): Promise<void> {
    switch (msg.type) {
      case 'ping':
        send(client, { type: 'pong' });
        return;
      case 'unsubscribe':
        this.hub.unsubscribe(client, msg.channels);
        return;
      case 'subscribe': {
        const accepted: string[] = [];
        for (const ch of msg.channels) {
          const problem = (await this.refusal(ch)) ?? (await auth.channelRefusal(ch));
          if (problem) send(client, { type: 'refused', channel: ch, ...problem });
          else accepted.push(ch);
        }
        this.hub.subscribe(client, accepted);
        send(client, { type: 'subscribed', channels: accepted });
      }
    }
  }

  private async refusal(channel: string): Promise<{ code: string; message: string } | null> {
    if (!CHANNEL.test(channel))
      return { code: 'WS_UNKNOWN_CHANNEL', message: `unknown channel ${channel.slice(0, 64)}` };
    const unit = /(\d{2}(\d{3})?)$/.exec(channel)?.[1];
    if (unit && channel.startsWith('unit:') && !(await this.units.exists(unit))) {
      return { code: 'UNIT_NOT_FOUND', message: `no unit ${unit}` };
    }
    return null;
  }
}

function send(client: WebSocket, msg: WsServerMessage): void {
  if (client.readyState === client.OPEN) client.send(JSON.stringify(msg));
}
