import { useCallback, useMemo, useRef } from 'react';
import type { WardFeature } from '../api/schemas';
import type { Rgba } from '../map/colorScale';
import { classColor, wardFill, type WardFill } from '../map/wardFill';

export interface WardFillState {
  fillFor: (code: string) => Rgba;
  /** Update trigger: changes only when some ward's colour class changes. */
  key: string;
}

/** Ward colours from ward means; identity is stable until a colour class flips. */
export function useWardFill(
  wards: readonly WardFeature[],
  means: ReadonlyMap<string, number>,
  alpha: number,
): WardFillState {
  const codes = useMemo(() => wards.map((f) => f.properties.code), [wards]);
  const previous = useRef<WardFill | null>(null);
  const next = wardFill(codes, means);
  let fill = next;
  if (previous.current?.key === next.key) fill = previous.current;
  else previous.current = next;
  const fillFor = useCallback(
    (code: string) => classColor(fill.classOf.get(code), alpha),
    [fill, alpha],
  );
  return { fillFor, key: fill.key };
}
