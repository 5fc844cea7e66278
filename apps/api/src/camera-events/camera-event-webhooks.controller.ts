import { Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  cameraEventSourceParams,
  DomainError,
  parseInput,
  type CameraEventSourceKind,
} from '@ioc/contracts';
import {
  CameraEventIntake,
  EventSourceService,
  parseGeneric,
  parseHikvision,
  secretMatches,
  type EventSourceRecord,
  type FormPart,
  type IntakeResult,
} from '@ioc/camera-events';
import type { AuditActor } from '@ioc/auth';
import { MachineRoute } from '../auth/access.decorators';
import { presentedSecret } from './webhook-secret';

/** A camera's form holds a document and a few pictures; more is not a camera. */
const FORM_LIMITS = { parts: 8, fileSize: 10 * 1024 * 1024 };

/**
 * Vendor webhooks in: each delivery is authenticated by its source's secret, parsed, and handed
 * to the intake. The answer lists what was stored and what was dead-lettered; only a delivery
 * with nothing good in it is a 400 (a camera that keeps posting a bad one harms no one else).
 */
@Controller('api/v1/camera-events')
@MachineRoute()
export class CameraEventWebhooksController {
  constructor(
    @Inject(EventSourceService) private readonly sources: EventSourceService<AuditActor>,
    @Inject(CameraEventIntake) private readonly intake: CameraEventIntake,
  ) {}

  @Post('hikvision/:sourceId')
  @HttpCode(200)
  async hikvision(@Req() req: FastifyRequest, @Param() params: unknown) {
    const source = await this.source(req, params, 'hikvision');
    const route = `http:${req.routeOptions.url ?? ''}`.replace(':sourceId', source.id);
    if (req.isMultipart()) {
      const parts = await readForm(req);
      const doc = parts.find((p) => !p.contentType?.startsWith('image/'));
      return answer(
        await this.intake.take(
          source,
          [parseHikvision('multipart/form-data', parts)],
          doc?.data ?? null,
          route,
        ),
      );
    }
    const raw = bodyOf(req);
    return answer(
      await this.intake.take(
        source,
        [parseHikvision(req.headers['content-type'] ?? '', raw)],
        raw,
        route,
      ),
    );
  }

  @Post('webhook/:sourceId')
  @HttpCode(200)
  async generic(@Req() req: FastifyRequest, @Param() params: unknown) {
    const source = await this.source(req, params, 'generic');
    const raw = bodyOf(req);
    const route = `http:/api/v1/camera-events/webhook/${source.id}`;
    return answer(await this.intake.take(source, parseGeneric(raw, new Date()), raw, route));
  }

  /** Unknown, disabled or wrong-kind sources get the same 401 as a wrong secret. */
  private async source(
    req: FastifyRequest,
    params: unknown,
    kind: CameraEventSourceKind,
  ): Promise<EventSourceRecord> {
    const { sourceId } = parseInput(cameraEventSourceParams, params);
    const source = await this.sources.active(sourceId, kind);
    if (!source || !secretMatches(source, presentedSecret(req))) {
      throw new DomainError(
        'unauthorized',
        'EVENT_SOURCE_UNAUTHORIZED',
        'Sai nguồn hoặc bí mật · Unknown source or wrong secret',
      );
    }
    return source;
  }
}

function bodyOf(req: FastifyRequest): Buffer {
  const b = req.body;
  if (Buffer.isBuffer(b)) return b;
  return Buffer.from(typeof b === 'string' ? b : b === undefined ? '' : JSON.stringify(b));
}

async function readForm(req: FastifyRequest): Promise<FormPart[]> {
  const parts: FormPart[] = [];
  try {
    for await (const part of req.parts({ limits: FORM_LIMITS })) {
      if (part.type === 'file') {
        parts.push({
          name: part.fieldname,
          filename: part.filename,
          contentType: part.mimetype,
          data: await part.toBuffer(),
        });
      } else {
        const value = typeof part.value === 'string' ? part.value : String(part.value);
        parts.push({ name: part.fieldname, contentType: part.mimetype, data: Buffer.from(value) });
      }
    }
  } catch (err) {
    throw new DomainError(
      'invalid',
      'EVENT_FORM_INVALID',
      `Biểu mẫu hỏng · Bad form: ${(err as Error).message}`,
    );
  }
  return parts;
}

function answer(result: IntakeResult): IntakeResult {
  if (result.accepted.length === 0 && result.rejected.length > 0) {
    throw new DomainError(
      'invalid',
      'CAMERA_EVENT_REJECTED',
      `Sự kiện bị từ chối · Event refused: ${result.rejected.map((r) => r.message).join('; ')}`,
      { issues: result.rejected.map((r) => ({ path: r.reason, message: r.message })), ...result },
    );
  }
  return result;
}
