import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { feedListQuery, feedLivenessQuery, parseInput, type ReportReceipt } from '@ioc/contracts';
import { Access, MachineRoute } from '../auth/access.decorators';
import { auditActor } from '../auth/principal';
import { ConnectorService } from '@ioc/connectors';
import { FeedAdminService, ReportIntakeService } from '@ioc/indicators';

/**
 * Report feeds: administration (create, list, rotate the key, revoke), liveness, and the feed
 * API itself — `POST /api/v1/feeds/{code}/reports` with the feed's key (v1 contract, see
 * libs/indicators/README.md).
 */
@Controller('api/v1/feeds')
export class FeedsController {
  constructor(
    @Inject(FeedAdminService) private readonly feeds: FeedAdminService,
    @Inject(ReportIntakeService) private readonly reports: ReportIntakeService,
    @Inject(ConnectorService)
    private readonly connectors: Pick<ConnectorService<unknown>, 'liveness'>,
  ) {}

  /** Creates a feed. The answer holds its key: shown once, stored only as a hash. */
  @Post()
  @Access({ action: 'admin' })
  create(@Req() req: FastifyRequest, @Body() body: unknown) {
    return this.feeds.createFeed(body, auditActor(req).actor);
  }

  @Get()
  @Access({ action: 'admin' })
  list(@Query() query: unknown) {
    const { revoked } = parseInput(feedListQuery, query, 'QUERY_INVALID');
    return this.feeds.listFeeds(revoked === 'true');
  }

  /**
   * Per feed and unit: last report, overdue, completeness, late reports; beside them the pull
   * connectors (last successful sync, records in/rejected, lag, drift), which belong to no unit
   * and are left out when the board is asked for one feed.
   */
  @Get('liveness')
  @Access({ action: 'read', unit: { from: 'query', name: 'unit' } })
  async liveness(@Query() query: unknown) {
    const { feed, since, unit } = parseInput(feedLivenessQuery, query, 'QUERY_INVALID');
    const board = await this.feeds.liveness({ feed, since, unit });
    return { ...board, connectors: feed === undefined ? await this.connectors.liveness() : [] };
  }

  /** A new key; the old one stops working at once. */
  @Post(':code/rotate')
  @HttpCode(200)
  @Access({ action: 'admin' })
  rotate(@Req() req: FastifyRequest, @Param('code') code: string, @Body() body: unknown) {
    return this.feeds.rotateFeed(code, body, auditActor(req).actor);
  }

  @Delete(':code')
  @Access({ action: 'admin' })
  revoke(@Req() req: FastifyRequest, @Param('code') code: string, @Body() body: unknown) {
    return this.feeds.revokeFeed(code, body, auditActor(req).actor);
  }

  /**
   * A report file (CSV or JSON, raw bytes — see raw-body.parser.ts). 200 with accepted and
   * rejected rows when at least one row was stored; 422 with the same body (and an error) when
   * none was. The reply is sent here because Nest would overwrite a status set on a
   * passthrough reply with the route's @HttpCode.
   */
  @Post(':code/reports')
  @HttpCode(200)
  @MachineRoute()
  async report(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('code') code: string,
    @Headers('authorization') authorization?: string,
    @Headers('x-api-key') apiKey?: string,
    @Headers('content-type') contentType?: string,
    @Headers('x-filename') filenameHeader?: string,
    @Headers('content-disposition') disposition?: string,
    @Headers('x-submitted-by') submittedBy?: string,
    @Headers('accept-language') language?: string,
  ): Promise<void> {
    const receipt = await this.reports.submitReport({
      feedCode: code,
      key: bearer(authorization) ?? apiKey?.trim(),
      body: req.body,
      contentType,
      filename: filenameOf(filenameHeader, disposition),
      submittedBy: cleanName(percentDecoded(submittedBy)),
      language: language?.toLowerCase().startsWith('en') === true ? 'en' : 'vi',
    });
    if (receipt.accepted > 0) {
      void reply.status(200).send(receipt);
      return;
    }
    const first = receipt.rejected[0];
    const body: ReportReceipt & { error: { code: string; message: string } } = {
      error: {
        code: 'REPORT_NO_ROW_ACCEPTED',
        message: `No row was accepted (${receipt.rejected.length} rejected${first ? `; first: ${first.messageEn}` : ''})`,
      },
      ...receipt,
    };
    void reply.status(422).send(body);
  }
}

function bearer(header: string | undefined): string | undefined {
  const m = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m?.[1];
}

/** X-Filename, else the filename of Content-Disposition; at most 200 characters. */
function filenameOf(header: string | undefined, disposition: string | undefined): string | null {
  const fromDisposition =
    disposition === undefined
      ? undefined
      : (/filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ??
        /filename="?([^";]+)"?/i.exec(disposition)?.[1]);
  return cleanName(percentDecoded(header ?? fromDisposition));
}

/** HTTP headers are Latin-1: Vietnamese names arrive percent-encoded (UTF-8), as RFC 8187 does. */
function percentDecoded(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function cleanName(text: string | undefined): string | null {
  // Control characters (header injection, terminal escapes) are dropped.
  const s = text?.replace(/\p{Cc}/gu, '').trim();
  return s === undefined || s === '' ? null : s.slice(0, 200);
}
