/**
 * Rounds every coordinate of a GeoJSON geometry to `decimals` places (5 ≈ 1 m, finer than any
 * boundary survey, and a third of the bytes of the stored 15-digit doubles).
 */
export function roundGeometry<G>(geometry: G, decimals: number): G {
  const f = 10 ** decimals;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') return Math.round(v * f) / f;
    if (Array.isArray(v)) return v.map(walk);
    return v;
  };
  if (geometry === null || typeof geometry !== 'object') return geometry;
  const g = geometry as Record<string, unknown>;
  if (Array.isArray(g.geometries)) {
    return { ...g, geometries: g.geometries.map((x: unknown) => roundGeometry(x, decimals)) } as G;
  }
  return { ...g, coordinates: walk(g.coordinates) } as G;
}
