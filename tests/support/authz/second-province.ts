import type { UnitImportService } from '@ioc/geo';

/** Đồng Nai: the second province the matrix seeds beside the demo's Đà Nẵng (48). */
export const OTHER_PROVINCE = '75';
/** Two of its wards (codes and label points from the shipped seed table). */
export const OTHER_WARDS = [
  { code: '25195', fullName: 'Phường Bình Phước', lon: 106.89944, lat: 11.51917 },
  { code: '25210', fullName: 'Phường Đồng Xoài', lon: 106.81546, lat: 11.52549 },
] as const;

const square = (lon: number, lat: number, half: number) => [
  [
    [lon - half, lat - half],
    [lon + half, lat - half],
    [lon + half, lat + half],
    [lon - half, lat + half],
    [lon - half, lat - half],
  ],
];

/**
 * A minimal Đồng Nai through the platform's own unit import (the admin API and `ioc units
 * import` use the same service): the province and two wards as small squares around their seed
 * label points — enough for scope checks, point lookups and per-unit resources, without the
 * real boundary files.
 */
export async function importSecondProvince(
  unitImport: Pick<UnitImportService, 'import'>,
): Promise<void> {
  const feature = (code: string, fullName: string, geometry: unknown[], provinceCode?: string) => ({
    type: 'Feature',
    properties: provinceCode === undefined ? { code, fullName } : { code, fullName, provinceCode },
    geometry: { type: 'Polygon', coordinates: geometry },
  });
  const outcome = await unitImport.import({
    name: 'authz-second-province.geojson',
    data: {
      type: 'FeatureCollection',
      features: [
        feature(OTHER_PROVINCE, 'Thành phố Đồng Nai', square(106.86, 11.52, 0.2)),
        ...OTHER_WARDS.map((w) =>
          feature(w.code, w.fullName, square(w.lon, w.lat, 0.02), OTHER_PROVINCE),
        ),
      ],
    },
  });
  if (!outcome.ok) {
    throw new Error(`second province import refused: ${JSON.stringify(outcome.errors)}`);
  }
}
