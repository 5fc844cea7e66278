import { Inject, Logger } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayDisconnect, WebSocketGateway } from '@nestjs/websockets';
import type { WebSocket } from 'ws';
import type { WsClientMessage, WsServerMessage } from '@ioc/contracts';
import { PLATFORM, type PlatformContext } from '../platform/platform.context';
import { parseClientMessage } from './ws-message';

const CHANNEL = /^(unit:\d{2}(\d{3})?|layer:[a-z0-9_-]{1,32}|alerts(:\d{2}(\d{3})?)?)$/;

/**
 * `/ws`: clients subscribe to channels and receive coalesced deltas from the LiveHub. The
 * gateway only parses and checks messages; fan-out policy lives in the hub.
 */
@WebSocketGateway({ path: '/ws' })
export class LiveGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('ws');

  constructor(@Inject(PLATFORM) private readonly ctx: PlatformContext) {}

  handleConnection(client: WebSocket): void {
    this.ctx.hub.add(client);
    client.on('message', (data: Buffer) => {
      this.onMessage(client, data);
    });
    client.on('error', (err) => {
      this.logger.debug(`socket error: ${err.message}`);
    });
  }

  handleDisconnect(client: WebSocket): void {
    this.ctx.hub.remove(client);
  }

  private onMessage(client: WebSocket, data: Buffer): void {
    const parsed = parseClientMessage(data);
    if (!parsed.ok) {
      send(client, { type: 'error', code: 'WS_BAD_MESSAGE', message: parsed.error });
      return;
    }
    void this.handle(client, parsed.message);
  }

  private async handle(client: WebSocket, msg: WsClientMessage): Promise<void> {
    switch (msg.type) {
      case 'ping':
        send(client, { type: 'pong' });
        return;
      case 'unsubscribe':
        this.ctx.hub.unsubscribe(client, msg.channels);
        return;
      case 'subscribe': {
        const accepted: string[] = [];
        for (const ch of msg.channels) {
          const problem = await this.refusal(ch);
          if (problem) send(client, { type: 'refused', channel: ch, ...problem });
          else accepted.push(ch);
        }
        this.ctx.hub.subscribe(client, accepted);
        send(client, { type: 'subscribed', channels: accepted });
      }
    }
  }

  private async refusal(channel: string): Promise<{ code: string; message: string } | null> {
    if (!CHANNEL.test(channel)) return { code: 'WS_UNKNOWN_CHANNEL', message: `unknown channel ${channel.slice(0, 64)}` };
    const unit = /(\d{2}(\d{3})?)$/.exec(channel)?.[1];
    if (unit && channel.startsWith('unit:') && !(await this.ctx.units.exists(unit))) {
      return { code: 'UNIT_NOT_FOUND', message: `no unit ${unit}` };
    }
    return null;
  }
}

function send(client: WebSocket, msg: WsServerMessage): void {
  if (client.readyState === client.OPEN) client.send(JSON.stringify(msg));
}
