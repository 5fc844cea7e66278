import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mercatorPixel } from './declutter';
import { boxOf, overlaps, placeLabels, type Box } from './labelPlacement';
import { WARD_LABEL_SIZE } from './layers/wardLayers';

/** The 94 units of Đà Nẵng from the platform's seed table: name, label point, area. */
function daNangUnits() {
  const csv = readFileSync(
    resolve(import.meta.dirname, '../../../../../libs/geo/seed/admin-units.csv'),
    'utf8',
  );
  return csv
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((c) => c[0] === '48' && c[1] !== '48')
    .map(([, code = '', name = '', level = '', lon = '0', lat = '0', area = '0']) => ({
      code,
      shortName: name.replace(/^(Phường|Xã|Đặc khu) /, ''),
      level,
      lon: Number(lon),
      lat: Number(lat),
      area: Number(area),
    }));
}

/**
 * The wall's geometry at a screen size: the map area left of the side panel, the province
 * framed as MapLibre's fitBounds does (Hoàng Sa goes to the inset), the inset and legend as
 * obstacles, text a little wider than Be Vietnam Pro semibold really is.
 */
function wallCase(scale: number) {
  const units = daNangUnits();
  const mainland = units.filter((u) => u.lon < 110);
  const [w, h] = [1440 * scale, 1000 * scale];
  const pad = { top: 32 * scale, left: 32 * scale, bottom: 32 * scale, right: 380 * scale };
  const lons = mainland.map((u) => u.lon);
  const lats = mainland.map((u) => u.lat);
  const west = Math.min(...lons) - 0.08;
  const east = Math.max(...lons) + 0.08;
  const south = Math.min(...lats) - 0.08;
  const north = Math.max(...lats) + 0.08;
  const [x0, y0] = mercatorPixel(west, north, 0);
  const [x1, y1] = mercatorPixel(east, south, 0);
  const zoom = Math.log2(
    Math.min((w - pad.left - pad.right) / (x1 - x0), (h - pad.top - pad.bottom) / (y1 - y0)),
  );
  const k = 2 ** zoom;
  const cx = (pad.left + w - pad.right) / 2 - ((x0 + x1) / 2) * k;
  const cy = (pad.top + h - pad.bottom) / 2 - ((y0 + y1) / 2) * k;
  const size = WARD_LABEL_SIZE * scale;
  const requests = mainland.map((u) => {
    const [px, py] = mercatorPixel(u.lon, u.lat, 0);
    return {
      id: u.code,
      x: px * k + cx,
      y: py * k + cy,
      width: u.shortName.length * size * 0.62,
      height: size * 1.25,
      priority: u.area,
    };
  });
  const obstacles: Box[] = [
    [w - 360 * scale, h - 360 * scale, w - 20 * scale, h - 20 * scale],
    [20 * scale, h - 240 * scale, 356 * scale, h - 20 * scale],
  ];
  return { units, mainland, requests, obstacles, w, h, scale };
}

describe('every unit of Đà Nẵng gets a label', () => {
  for (const scale of [1, 2]) {
    it(`at ${1920 * scale}×${1080 * scale}: all 93 mainland units placed, none overlapping`, () => {
      const c = wallCase(scale);
      expect(c.units).toHaveLength(94);
      expect(c.units.find((u) => u.code === '20333')?.level).toBe('special_zone');
      const { placed, unplaced } = placeLabels(c.requests, {
        width: c.w,
        height: c.h,
        obstacles: c.obstacles,
        margin: 2 * c.scale,
      });
      expect(unplaced).toEqual([]);
      expect(new Set(placed.map((p) => p.id))).toEqual(new Set(c.mainland.map((u) => u.code)));
      const boxes = placed.map(boxOf);
      for (let i = 0; i < boxes.length; i++) {
        for (const o of c.obstacles) expect(overlaps(boxes[i]!, o)).toBe(false);
        for (let j = i + 1; j < boxes.length; j++)
          expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
      }
      // The central wards really were crowded: some needed leader lines, Hải Châu among them.
      const leaders = placed.filter((p) => p.leader);
      expect(leaders.length).toBeGreaterThan(5);
      const haiChau = placed.find((p) => p.id === '20242');
      expect(haiChau?.leader).toBe(true);
      // Leaders stay short enough to read: within a quarter of the map width of their anchor.
      for (const p of leaders)
        expect(Math.hypot(p.x - p.anchorX, p.y - p.anchorY)).toBeLessThan(c.w / 4);
    });
  }
});
