import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The public boundary files beside the checkout (never copied into the repo). */
export const BOUNDARIES_DIR = resolve(import.meta.dirname, '../../../shared/data/boundaries');

export function boundaryPath(file: string): string {
  const p = resolve(BOUNDARIES_DIR, file);
  if (!existsSync(p)) throw new Error(`missing shared boundary data: ${p}`);
  return p;
}

export function readBoundary(file: string): unknown {
  return JSON.parse(readFileSync(boundaryPath(file), 'utf8'));
}

/** A FeatureCollection with three distinct faults: a bow-tie, UTM metres, a duplicate code. */
export function badUnitsCollection(): unknown {
  const square = (x: number, y: number, d = 0.01) => [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ];
  const feature = (code: string, name: string, coordinates: unknown) => ({
    type: 'Feature',
    properties: { code, name, fullName: `Phường ${name}`, provinceCode: '48' },
    geometry: { type: 'Polygon', coordinates },
  });
  return {
    type: 'FeatureCollection',
    features: [
      feature('20314', 'Hoà Xuân', square(108.2, 16.0)),
      feature('20320', 'Nơ', [
        [
          [108.2, 16.0],
          [108.21, 16.01],
          [108.21, 16.0],
          [108.2, 16.01],
          [108.2, 16.0],
        ],
      ]),
      feature('20335', 'Mét', [
        [
          [580000, 1780000],
          [581000, 1780000],
          [581000, 1781000],
          [580000, 1781000],
          [580000, 1780000],
        ],
      ]),
      feature('20314', 'Trùng', square(108.25, 16.05)),
    ],
  };
}
