import { createHash } from 'node:crypto';
import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { datasetDataQuery, datasetParams, parseInput } from '@ioc/contracts';
import { DatasetCatalogueService, type DatasetFormat } from '@ioc/opendata';
import { PublicRoute } from '../auth/access.decorators';

/**
 * The public dataset catalogue (no session): the listing, the DCAT JSON-LD catalogue and each
 * dataset's downloads. Rate limits come first, in a Fastify hook (open-data-limits.ts); answers
 * may be cached by anyone for a minute and revalidated with their ETag.
 */
@Controller('api/v1/public/open-data')
@PublicRoute()
export class OpenDataPublicController {
  constructor(
    @Inject(DatasetCatalogueService) private readonly catalogue: DatasetCatalogueService,
  ) {}

  @Get('datasets')
  async datasets(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const list = await this.catalogue.list(originOf(req));
    return sendPublic(req, reply, JSON.stringify(list), 'application/json; charset=utf-8');
  }

  @Get('catalog.jsonld')
  async catalog(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const doc = await this.catalogue.catalog(originOf(req));
    return sendPublic(req, reply, JSON.stringify(doc), 'application/ld+json; charset=utf-8');
  }

  @Get('datasets/:id/data.csv')
  csv(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param() params: unknown,
    @Query() query: unknown,
  ) {
    return this.download(req, reply, params, query, 'csv');
  }

  @Get('datasets/:id/data.json')
  json(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param() params: unknown,
    @Query() query: unknown,
  ) {
    return this.download(req, reply, params, query, 'json');
  }

  @Get('datasets/:id/data.geojson')
  geojson(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param() params: unknown,
    @Query() query: unknown,
  ) {
    return this.download(req, reply, params, query, 'geojson');
  }

  private async download(
    req: FastifyRequest,
    reply: FastifyReply,
    params: unknown,
    query: unknown,
    format: DatasetFormat,
  ) {
    const { id } = parseInput(datasetParams, params);
    const window = parseInput(datasetDataQuery, query, 'QUERY_INVALID');
    const file = await this.catalogue.download(id, format, window);
    if (format === 'csv') {
      void reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    }
    return sendPublic(req, reply, file.body, file.mediaType);
  }
}

/** The origin the caller reached (X-Forwarded-Proto/Host from trusted proxies), for absolute URLs. */
function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

/**
 * A public answer: any cache may keep it for a minute (the data changes hourly at most), and a
 * client that has it gets 304 without a body.
 */
function sendPublic(
  req: FastifyRequest,
  reply: FastifyReply,
  body: Buffer | string,
  type: string,
): Buffer | string {
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  void reply.header('cache-control', 'public, max-age=60');
  void reply.header('etag', etag);
  if (req.headers['if-none-match'] === etag) {
    void reply.status(304);
    return '';
  }
  void reply.type(type);
  return body;
}
