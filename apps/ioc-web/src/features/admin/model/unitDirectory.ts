import { useEffect, useState } from 'react';
import { fetchProvinces, fetchUnits } from './endpoints';
import type { UnitItem } from '../../../shared/api/adminSchemas';

export interface UnitDirectory {
  provinces: UnitItem[];
  /** Communes/wards by province code, in the API's order. */
  wards: Map<string, UnitItem[]>;
  byCode: Map<string, UnitItem>;
}

/** The province the admin pages open on (Đà Nẵng, 48) until someone picks another. */
export const DEFAULT_PROVINCE = '48';

let pending: Promise<UnitDirectory> | null = null;

/** Every province and its wards, loaded once per page (the lists are small and static). */
export function loadUnitDirectory(): Promise<UnitDirectory> {
  pending ??= (async () => {
    const provinces = await fetchProvinces();
    const lists = await Promise.all(provinces.map((p) => fetchUnits(p.code)));
    const wards = new Map<string, UnitItem[]>();
    const byCode = new Map<string, UnitItem>();
    provinces.forEach((p, i) => {
      byCode.set(p.code, p);
      const list = lists[i] ?? [];
      wards.set(p.code, list);
      for (const w of list) byCode.set(w.code, w);
    });
    return { provinces, wards, byCode };
  })().catch((err: unknown) => {
    pending = null;
    throw err;
  });
  return pending;
}

export function useUnitDirectory(): UnitDirectory | null {
  const [dir, setDir] = useState<UnitDirectory | null>(null);
  useEffect(() => {
    let live = true;
    loadUnitDirectory().then(
      (d) => {
        if (live) setDir(d);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return dir;
}

/** "Phường Hải Châu (20314)", or the bare code while the directory loads. */
export function unitLabel(dir: UnitDirectory | null, code: string | null): string {
  if (code === null) return '—';
  const u = dir?.byCode.get(code);
  return u ? `${u.name} (${code})` : code;
}
