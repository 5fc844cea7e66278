import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Headers, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { chirpstackQuery, DomainError, parseInput, type IngestAnswer } from '@ioc/contracts';
import type { IngestOutcome } from '@ioc/ingest';
import { bearerToken } from '../common/bearer';
import { MachineRoute } from '../auth/access.decorators';
import { DeviceDirectory, IngestService } from '@ioc/ingest';
import { WEBHOOK_SECRETS, type WebhookSecrets } from './webhook-secrets';

/**
 * HTTP ingest. Bodies arrive as raw bytes (see raw-body.parser.ts) so a malformed payload is
 * dead-lettered like any other rejection instead of dying in the framework's JSON parser.
 * A 202 means every accepted row is committed. While the writer's buffer is full (database
 * slow or down) the answer is 503 with Retry-After and nothing of the request is stored.
 */
@Controller('api/v1')
@MachineRoute()
export class TelemetryController {
  constructor(
    @Inject(DeviceDirectory) private readonly directory: DeviceDirectory,
    @Inject(IngestService) private readonly ingest: IngestService,
    @Inject(WEBHOOK_SECRETS) private readonly secrets: WebhookSecrets,
  ) {}

  @Post('telemetry')
  @HttpCode(202)
  async telemetry(
    @Req() req: FastifyRequest,
    @Headers('authorization') auth?: string,
  ): Promise<IngestAnswer> {
    const token = bearerToken(auth);
    const device = await this.directory.byToken(token);
    if (!device)
      throw new DomainError(
        'unauthorized',
        'AUTH_INVALID_TOKEN',
        'Unknown or revoked device token',
      );
    const source = `http:${req.url.split('?')[0] ?? ''}`;
    const outcome =
      device.kind === 'gateway'
        ? await this.ingest.ingestGateway(device.id, req.body, source)
        : await this.ingest.ingestDevice(device.id, req.body, source);
    return answer(assertSomethingUseful(outcome));
  }

  @Post('lorawan/ttn')
  @HttpCode(202)
  async ttn(
    @Req() req: FastifyRequest,
    @Headers('x-webhook-secret') secret?: string,
  ): Promise<IngestAnswer> {
    this.checkWebhookSecret(this.secrets.ttn, secret);
    return answer(
      assertReadable(await this.ingest.ingestLorawan('ttn', req.body, 'http:/api/v1/lorawan/ttn')),
    );
  }

  @Post('lorawan/chirpstack')
  @HttpCode(202)
  async chirpstack(
    @Req() req: FastifyRequest,
    @Query() query: unknown,
    @Headers('x-webhook-secret') secret?: string,
  ): Promise<IngestAnswer | { accepted: 0; ignored: string }> {
    this.checkWebhookSecret(this.secrets.chirpstack, secret);
    const { event } = parseInput(chirpstackQuery, query, 'QUERY_INVALID');
    // ChirpStack posts every event type to one URL; only uplinks carry measurements.
    if (event !== 'up') return { accepted: 0, ignored: (event ?? 'none').slice(0, 32) };
    return answer(
      assertReadable(
        await this.ingest.ingestLorawan('chirpstack', req.body, 'http:/api/v1/lorawan/chirpstack'),
      ),
    );
  }

  private checkWebhookSecret(expected: string | undefined, given: string | undefined): void {
    if (!expected)
      throw new DomainError(
        'unavailable',
        'WEBHOOK_DISABLED',
        'This webhook has no secret configured',
      );
    if (given === undefined || !sameSecret(given, expected)) {
      throw new DomainError(
        'unauthorized',
        'AUTH_WEBHOOK_SECRET',
        'Missing or wrong X-Webhook-Secret',
      );
    }
  }
}

/** Constant-time comparison (hashing first makes the lengths equal). */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(
    createHash('sha256').update(a).digest(),
    createHash('sha256').update(b).digest(),
  );
}

function answer(outcome: IngestOutcome): IngestAnswer {
  return { accepted: outcome.accepted, rejected: outcome.rejected };
}

/**
 * Webhooks: an uplink the network server sent correctly is acknowledged (202) even when its
 * readings are refused (unknown DevEUI, out of range…) — they are dead-lettered, and a 4xx
 * would only make the network server retry and eventually disable the whole integration.
 * A body that is not a readable uplink at all is a 4xx.
 */
function assertReadable(outcome: IngestOutcome): IngestOutcome {
  const first = outcome.rejected[0];
  if (
    outcome.accepted === 0 &&
    (first?.reason === 'malformed_json' || first?.reason === 'oversize')
  ) {
    return assertSomethingUseful(outcome);
  }
  return outcome;
}

/** A request whose every element was refused is a client error, reported with the reasons. */
function assertSomethingUseful(outcome: IngestOutcome): IngestOutcome {
  if (outcome.accepted === 0 && outcome.rejected.length > 0) {
    const first = outcome.rejected[0];
    const kind = first?.reason === 'oversize' ? 'too_large' : 'invalid';
    throw new DomainError(
      kind,
      `INGEST_${(first?.reason ?? 'rejected').toUpperCase()}`,
      first?.message ?? 'rejected',
      {
        issues: outcome.rejected.map((r) => ({
          path: r.index === undefined ? '' : String(r.index),
          message: r.message,
        })),
        rejected: outcome.rejected,
      },
    );
  }
  return outcome;
}
