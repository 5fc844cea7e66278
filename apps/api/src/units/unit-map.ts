import { bandForZoom, type UnitDirectory, type ZoomBand } from '@ioc/geo';

/** The zoom band a map query asks for: a band by name, else the band of a zoom level. */
export function bandOf(q: { band?: ZoomBand | undefined; zoom?: number | undefined }): ZoomBand {
  return q.band ?? (q.zoom !== undefined ? bandForZoom(q.zoom) : 'mid');
}

/**
 * The children of a unit as a GeoJSON FeatureCollection at a zoom band (contracts'
 * `unitMapGeoJson`): the signed-in units map and the residents' intake map draw the same data.
 */
export async function childrenGeoJson(units: UnitDirectory, code: string, band: ZoomBand) {
  const simplified = await units.simplifiedChildren(code);
  const children = await units.list({ parent: code });
  const features = children.map((u) => ({
    type: 'Feature' as const,
    id: u.code,
    properties: {
      code: u.code,
      name: u.name,
      shortName: u.shortName,
      nameEn: u.nameEn,
      level: u.level,
      approximate: u.approximate,
      labelLon: u.label?.[0] ?? null,
      labelLat: u.label?.[1] ?? null,
    },
    geometry: simplified?.geometry(band, u.code) ?? null,
  }));
  return { type: 'FeatureCollection' as const, band, features };
}
