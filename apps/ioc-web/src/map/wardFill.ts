import { NO_DATA_RGB, PM25_CLASSES, pm25ClassIndex, type Rgba } from './colorScale';

/** Colour class per ward: an index into PM25_CLASSES, absent when the ward has no reading. */
export interface WardFill {
  /** Changes only when some ward changes class: the update trigger of the fill colours. */
  key: string;
  classOf: ReadonlyMap<string, number>;
}

/**
 * Classes the ward means. The choropleth is discrete, so a mean moving from 41,2 to 42,0 paints
 * the same colour; keying the fill trigger on classes (not on every delta) means the ward layer
 * — the heaviest geometry on the wall — is redrawn only when a colour actually flips.
 */
export function wardFill(codes: readonly string[], means: ReadonlyMap<string, number>): WardFill {
  const classOf = new Map<string, number>();
  const parts: string[] = [];
  for (const code of codes) {
    const mean = means.get(code);
    if (mean === undefined || !Number.isFinite(mean)) {
      parts.push('');
      continue;
    }
    const cls = pm25ClassIndex(mean);
    classOf.set(code, cls);
    parts.push(String(cls));
  }
  return { key: parts.join(','), classOf };
}

export function classColor(cls: number | undefined, alpha: number): Rgba {
  const c = cls === undefined ? undefined : PM25_CLASSES[cls];
  return c ? [...c.rgb, alpha] : [...NO_DATA_RGB, alpha];
}
