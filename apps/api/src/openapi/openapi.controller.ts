import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@ioc/contracts';
import { PublicRoute } from '../auth/access.decorators';
import { API_DOCS_HTML, apiDocsAsset } from './api-docs.page';
import { openApiDocument } from './openapi.document';

/**
 * The machine-readable description of the API (OpenAPI 3.1, generated from the contracts) and a
 * readable reference of it. Public: it describes the routes, it holds no data.
 */
@Controller('api')
export class OpenApiController {
  @Get('openapi.json')
  @PublicRoute()
  @Header('cache-control', 'no-cache')
  document() {
    return openApiDocument();
  }

  @Get('docs')
  @PublicRoute()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  page(): string {
    return API_DOCS_HTML;
  }

  @Get('docs/:file')
  @PublicRoute()
  asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    const found = apiDocsAsset(file);
    if (!found) throw new DomainError('not_found', 'NOT_FOUND', `no file ${file.slice(0, 64)}`);
    void reply.header('content-type', found.type).header('cache-control', 'public, max-age=3600');
    return found.body;
  }
}
