import {
  Body,
  Controller,
  Get,
  Header,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  parseInput,
  unitCodeParams,
  unitImportQuery,
  unitListQuery,
  unitLocateQuery,
  unitMapQuery,
  type UnitSummary,
} from '@ioc/contracts';
import type { GeoJsonSource } from '@ioc/geo';
import { bandOf, childrenGeoJson } from './unit-map';
import { Access } from '../auth/access.decorators';
import { JsonBodyCache, sendCachedJson } from '../common/json-body-cache';
import { UnitDirectory, UnitImportService } from '@ioc/geo';

type UnitList = { asOf: string; items: (UnitSummary & { match?: string })[] };

/** Units API: hierarchy, search, map-ready geometry, point→unit, import. */
// Administrative geography (names, boundaries) is reference data every signed-in client needs
// to draw its map, neighbours included, so it is not unit-scoped; unit *data* routes are.
@Controller('api/v1/units')
@Access({ action: 'read' })
export class UnitsController {
  private readonly bodies = new JsonBodyCache();

  constructor(
    @Inject(UnitDirectory) private readonly units: UnitDirectory,
    @Inject(UnitImportService) private readonly unitImport: UnitImportService,
  ) {}

  /**
   * List by parent/level, or search names (diacritic-insensitive) and codes with `q`. Every
   * map and wall reads these lists: their bodies are cached per unit snapshot (with an ETag).
   */
  @Get()
  async list(
    @Query() query: unknown,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    const q = parseInput(unitListQuery, query, 'QUERY_INVALID');
    const snapshot = await this.units.snapshot();
    const key = JSON.stringify([q.q ?? null, q.parent ?? null, q.level ?? null, q.limit]);
    const cached = this.bodies.get(snapshot, key, (): UnitList => {
      const filter = {
        ...(q.parent ? { parent: q.parent } : {}),
        ...(q.level ? { level: q.level } : {}),
      };
      return {
        asOf: snapshot.loadedAt.toISOString(),
        items: q.q
          ? snapshot
              .search(q.q, { limit: q.limit, ...filter })
              .map((h) => ({ ...h.unit, match: h.match }))
          : snapshot.list(filter),
      };
    });
    return sendCachedJson(req, reply, cached);
  }

  /** Which unit contains a point; `unit: null` means in no unit (offshore), never the nearest. */
  @Get('locate')
  async locate(
    @Query() query: unknown,
  ): Promise<{ lon: number; lat: number; unit: UnitSummary | null }> {
    const { lon, lat } = parseInput(unitLocateQuery, query, 'QUERY_INVALID');
    const code = this.units.locate(lon, lat);
    return { lon, lat, unit: code ? await this.units.get(code) : null };
  }

  @Get(':code')
  async get(@Param('code') code: string): Promise<UnitSummary> {
    return this.require(code);
  }

  @Get(':code/neighbours')
  async neighbours(@Param('code') code: string): Promise<{ code: string; items: UnitSummary[] }> {
    await this.require(code);
    const codes = await this.units.neighbours(code);
    const items = (await Promise.all(codes.map((c) => this.units.get(c)))).filter(
      (u): u is UnitSummary => u !== null,
    );
    return { code, items };
  }

  /** One unit's boundary at a zoom band (simplified consistently with its neighbours). */
  @Get(':code/geometry')
  @Header('cache-control', 'public, max-age=3600')
  async geometry(@Param('code') code: string, @Query() query: unknown) {
    const unit = await this.require(code);
    const band = bandOf(parseInput(unitMapQuery, query, 'QUERY_INVALID'));
    return {
      type: 'Feature',
      id: code,
      properties: { ...unit, band },
      geometry: await this.units.geometry(code, band),
    };
  }

  /**
   * The children of a unit for the map at a zoom band: GeoJSON, or TopoJSON (shared arcs,
   * quantised — several times smaller) with `format=topojson`. Cacheable: units change only
   * by import.
   */
  @Get(':code/map')
  async map(
    @Param('code') code: string,
    @Query() query: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.require(code);
    const q = parseInput(unitMapQuery, query, 'QUERY_INVALID');
    const band = bandOf(q);
    const simplified = await this.units.simplifiedChildren(code);
    void reply.header('cache-control', 'public, max-age=300');
    if (q.format === 'topojson') {
      if (!simplified)
        throw new DomainError(
          'not_found',
          'UNIT_NO_GEOMETRY',
          `Unit ${code} has no child geometry`,
        );
      return simplified.topology(band);
    }
    return childrenGeoJson(this.units, code, band);
  }

  /**
   * Admin import of a GeoJSON FeatureCollection: all features valid or nothing written;
   * `dryRun=true` reports what would change.
   */
  @Access({ action: 'admin' })
  @Post('import')
  async import(@Body() body: unknown, @Query() query: unknown) {
    const q = parseInput(unitImportQuery, query, 'QUERY_INVALID');
    const source: GeoJsonSource = { name: 'request', data: body };
    const outcome = await this.unitImport.import([source], {
      dryRun: q.dryRun === 'true',
      ...(q.parent ? { parentCode: q.parent } : {}),
    });
    if (!outcome.ok) {
      throw new DomainError(
        'invalid',
        'UNITS_IMPORT_INVALID',
        `${outcome.errors.length} feature(s) refused; nothing was imported`,
        {
          issues: outcome.errors.map((e) => ({
            path: `features.${String(e.featureIndex)}`,
            message: `${e.reason}: ${e.message}`,
          })),
          errors: outcome.errors,
        },
      );
    }
    return outcome;
  }

  private async require(given: string): Promise<UnitSummary> {
    const { code } = parseInput(unitCodeParams, { code: given });
    const unit = await this.units.get(code);
    if (!unit)
      throw new DomainError(
        'not_found',
        'UNIT_NOT_FOUND',
        `No administrative unit with code ${code}`,
      );
    return unit;
  }
}
