import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { DomainError, type UnitLevel, type UnitSummary } from '@ioc/contracts';
import { PLATFORM, type PlatformContext } from '../platform/platform.context';

const LEVELS = new Set<UnitLevel>(['province', 'ward', 'commune', 'special_zone']);

@Controller('api/v1/units')
export class UnitsController {
  constructor(@Inject(PLATFORM) private readonly ctx: PlatformContext) {}

  @Get()
  async list(@Query('parent') parent?: string, @Query('level') level?: string): Promise<{ asOf: string; items: UnitSummary[] }> {
    if (level !== undefined && !LEVELS.has(level as UnitLevel)) {
      throw new DomainError('invalid', 'UNIT_LEVEL_INVALID', `level must be one of ${[...LEVELS].join(', ')}`);
    }
    const items = await this.ctx.units.list({
      ...(parent ? { parent } : {}),
      ...(level ? { level: level as UnitLevel } : {}),
    });
    return { asOf: new Date().toISOString(), items };
  }

  @Get(':code')
  async get(@Param('code') code: string): Promise<UnitSummary> {
    const unit = await this.ctx.units.get(code);
    if (!unit) throw new DomainError('not_found', 'UNIT_NOT_FOUND', `No administrative unit with code ${code}`);
    return unit;
  }

  /** Children of a unit as a GeoJSON FeatureCollection for the map. */
  @Get(':code/map')
  @Header('cache-control', 'public, max-age=300')
  async map(@Param('code') code: string) {
    if (!(await this.ctx.units.exists(code))) {
      throw new DomainError('not_found', 'UNIT_NOT_FOUND', `No administrative unit with code ${code}`);
    }
    const children = await this.ctx.units.childGeometries(code);
    return {
      type: 'FeatureCollection',
      features: children.map(({ summary, geometry }) => ({
        type: 'Feature',
        id: summary.code,
        properties: {
          code: summary.code,
          name: summary.name,
          shortName: summary.shortName,
          level: summary.level,
          approximate: summary.approximate,
          labelLon: summary.label?.[0] ?? null,
          labelLat: summary.label?.[1] ?? null,
        },
        geometry,
      })),
    };
  }
}
