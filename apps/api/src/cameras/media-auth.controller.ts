import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { DomainError, mediaAuthRequest, parseInput } from '@ioc/contracts';
import type { AuditActor } from '@ioc/auth';
import { CameraViewingService } from '@ioc/cameras';
import { MachineRoute } from '../auth/access.decorators';

/**
 * MediaMTX's external HTTP authentication (`authMethod: http`, `authHTTPAddress` pointing
 * here): it POSTs {user, password, token?, ip, action, path, protocol, id, query} before each
 * read or publish; 200 allows, anything else denies. The request's own fields are the
 * credential (a viewing token, the publisher's password), so it is a machine route; the body is
 * never logged or audited — it may carry the publisher's password.
 */
@Controller('api/v1/media')
@MachineRoute()
export class MediaAuthController {
  constructor(
    @Inject(CameraViewingService) private readonly viewing: CameraViewingService<AuditActor>,
  ) {}

  @Post('auth')
  @HttpCode(200)
  async auth(@Body() body: unknown) {
    const decision = await this.viewing.authorizeMedia(
      parseInput(mediaAuthRequest, body, 'MEDIA_AUTH_INVALID'),
    );
    if (!decision.allow) {
      throw new DomainError(
        'unauthorized',
        'MEDIA_AUTH_DENIED',
        `Không được phép (${decision.reason}) · Not allowed (${decision.reason})`,
      );
    }
    return { allowed: true as const };
  }
}
