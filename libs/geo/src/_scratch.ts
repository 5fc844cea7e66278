import { readFileSync } from 'node:fs';
import { checkGeometry } from './geometry-validation';
import { findSelfIntersection } from './self-intersection';
import { labelPoint } from './label-point';
for (let rep = 0; rep < 2; rep++) {
  const j = JSON.parse(
    readFileSync(`/work/shared/data/boundaries/75_dong_nai.wards.geojson`, 'utf8'),
  );
  let t = performance.now();
  const gs = j.features.map((x: any) => (checkGeometry(x.geometry) as any).geometry);
  console.log('check', performance.now() - t);
  t = performance.now();
  for (const g of gs) findSelfIntersection(g.coordinates);
  console.log('selfx', performance.now() - t);
  t = performance.now();
  for (const g of gs) labelPoint(g);
  console.log('label', performance.now() - t);
}
