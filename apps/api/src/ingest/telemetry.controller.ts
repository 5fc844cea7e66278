import { Controller, Headers, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@ioc/contracts';
import type { IngestOutcome } from '@ioc/ingest';
import { PLATFORM, type PlatformContext } from '../platform/platform.context';
import { bearerToken } from '../common/bearer';

/**
 * HTTP ingest. Bodies arrive as raw bytes (see raw-body.parser.ts) so a malformed payload is
 * dead-lettered like any other rejection instead of dying in the framework's JSON parser.
 * A 202 means every accepted row is committed.
 */
@Controller('api/v1')
export class TelemetryController {
  constructor(@Inject(PLATFORM) private readonly ctx: PlatformContext) {}

  @Post('telemetry')
  @HttpCode(202)
  async telemetry(@Req() req: FastifyRequest, @Headers('authorization') auth?: string): Promise<IngestOutcome> {
    const token = bearerToken(auth);
    const device = await this.ctx.directory.byToken(token);
    if (!device) throw new DomainError('unauthorized', 'AUTH_INVALID_TOKEN', 'Unknown or revoked device token');
    const source = `http:${req.url.split('?')[0] ?? ''}`;
    const outcome =
      device.kind === 'gateway'
        ? await this.ctx.ingest.ingestGateway(device.id, req.body, source)
        : await this.ctx.ingest.ingestDevice(device.id, req.body, source);
    return assertSomethingUseful(outcome);
  }

  @Post('lorawan/ttn')
  @HttpCode(202)
  async ttn(@Req() req: FastifyRequest, @Headers('x-webhook-secret') secret?: string): Promise<IngestOutcome> {
    this.checkWebhookSecret(this.ctx.config.TTN_WEBHOOK_SECRET, secret);
    return this.ctx.ingest.ingestLorawan('ttn', req.body, 'http:/api/v1/lorawan/ttn');
  }

  @Post('lorawan/chirpstack')
  @HttpCode(202)
  async chirpstack(
    @Req() req: FastifyRequest,
    @Query('event') event?: string,
    @Headers('x-webhook-secret') secret?: string,
  ): Promise<IngestOutcome | { accepted: 0; ignored: string }> {
    this.checkWebhookSecret(this.ctx.config.CHIRPSTACK_WEBHOOK_SECRET, secret);
    // ChirpStack posts every event type to one URL; only uplinks carry measurements.
    if (event !== 'up') return { accepted: 0, ignored: event ?? 'none' };
    return this.ctx.ingest.ingestLorawan('chirpstack', req.body, 'http:/api/v1/lorawan/chirpstack');
  }

  private checkWebhookSecret(expected: string | undefined, given: string | undefined): void {
    if (!expected) throw new DomainError('unavailable', 'WEBHOOK_DISABLED', 'This webhook has no secret configured');
    if (given !== expected) throw new DomainError('unauthorized', 'AUTH_WEBHOOK_SECRET', 'Missing or wrong X-Webhook-Secret');
  }
}

/** A request whose every element was refused is a client error, reported with the reasons. */
function assertSomethingUseful(outcome: IngestOutcome): IngestOutcome {
  if (outcome.accepted === 0 && outcome.rejected.length > 0) {
    const first = outcome.rejected[0];
    const kind = first?.reason === 'oversize' ? 'too_large' : 'invalid';
    throw new DomainError(kind, `INGEST_${(first?.reason ?? 'rejected').toUpperCase()}`, first?.message ?? 'rejected', {
      rejected: outcome.rejected,
    });
  }
  return outcome;
}
