import { Controller, Get, Header, Inject, Param, Req, Res } from '@nestjs/common';
import send from '@fastify/send';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditActor } from '@ioc/auth';
import { BasemapService } from '@ioc/basemap';
import { DomainError } from '@ioc/contracts';
import { VIETNAM_REGION_BBOX, landWithin } from '@ioc/geo';
import { PublicRoute } from '../auth/access.decorators';

/** Where the active archive is served; web-config names it as `pmtiles://<this>/<file>`. */
export const BASEMAP_ARCHIVES_PATH = '/api/v1/basemap/archives';

/**
 * Background geography for the maps. Public: it says nothing about the platform's data, and
 * MapLibre fetches GeoJSON sources and PMTiles ranges without our Authorization header.
 */
@Controller('api/v1/basemap')
export class BasemapController {
  private land: string | null = null;

  constructor(@Inject(BasemapService) private readonly basemap: BasemapService<AuditActor>) {}

  /** Natural Earth land for the offline style, so an air-gapped wall shows coast and sea. */
  @Get('land')
  @PublicRoute()
  @Header('content-type', 'application/geo+json; charset=utf-8')
  @Header('cache-control', 'public, max-age=86400')
  landGeoJson(): string {
    // Built on first use (~0.2 MB of the ~3 MB world file) and kept: it never changes at run time.
    this.land ??= JSON.stringify(landWithin(VIETNAM_REGION_BBOX));
    return this.land;
  }

  /**
   * The imported street basemap (`ioc basemap import`), read by HTTP range requests. The active
   * archive is looked up per request, so an import or a removal shows without a restart. Range,
   * conditional requests, ETag and Last-Modified are @fastify/send's (what @fastify/static
   * uses); the file name is the archive's content hash, so its bytes never change and browsers
   * may keep them for good.
   */
  @Get('archives/:file')
  @PublicRoute()
  async archive(
    @Param('file') file: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const served = await this.basemap.served();
    if (!served || file !== served.fileName) throw notImported(file);
    const result = await send(req.raw, `/${served.fileName}`, {
      root: served.dir,
      acceptRanges: true,
      etag: true,
      lastModified: true,
      cacheControl: true,
      maxAge: '365d',
      immutable: true,
      contentType: false,
      index: false,
      dotfiles: 'deny',
    });
    if (result.type !== 'file') {
      result.stream.destroy();
      // The file went between the lookup and the read (a removal or re-import just then).
      if (result.statusCode === 404 || result.type === 'directory') throw notImported(file);
      if (result.statusCode !== 416 && result.statusCode !== 412) throw result.metadata.error;
      // Our one error shape, with the size a client needs to ask again (RFC 9110 §15.5.17).
      const size = served.archive.sizeBytes;
      await reply
        .code(result.statusCode)
        .headers(result.statusCode === 416 ? { 'content-range': `bytes */${size}` } : {})
        .send({
          error:
            result.statusCode === 416
              ? {
                  code: 'RANGE_NOT_SATISFIABLE',
                  message: `khoảng byte nằm ngoài kho (${size} byte). / The range lies outside the archive (${size} bytes).`,
                }
              : {
                  code: 'PRECONDITION_FAILED',
                  message:
                    'kho đã khác phiên bản yêu cầu. / The archive is not the version asked for.',
                },
        });
      return;
    }
    const headers = { ...result.headers };
    if (result.statusCode !== 304) headers['Content-Type'] = 'application/vnd.pmtiles';
    await reply.code(result.statusCode).headers(headers).send(result.stream);
  }
}

function notImported(file: string): DomainError {
  return new DomainError(
    'not_found',
    'BASEMAP_NOT_FOUND',
    `không có bản đồ nền ${file.slice(0, 64)} (chưa nhập hoặc đã thay). / No basemap archive ${file.slice(0, 64)} (none imported, or replaced).`,
  );
}
