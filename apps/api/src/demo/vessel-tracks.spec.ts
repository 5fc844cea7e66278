import { describe, expect, it } from 'vitest';
import { alertRuleSchema } from '@ioc/live';
import { DEMO_ALERT_RULES } from './demo-alert-rules';
import { isHotspot, simulatedValues } from './simulated-values';
import { VESSEL_TRACKS, vesselState } from './vessel-tracks';

/** Great-circle distance (km), haversine. */
function km(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe('demo vessel tracks', () => {
  const start = new Date('2026-11-22T00:00:00Z');

  it('has 8–12 vessels sailing at a few knots, and says so in speed and heading', () => {
    expect(VESSEL_TRACKS.length).toBeGreaterThanOrEqual(8);
    expect(VESSEL_TRACKS.length).toBeLessThanOrEqual(12);
    for (let i = 0; i < VESSEL_TRACKS.length; i++) {
      for (let m = 0; m < 24 * 60; m += 7) {
        const t = new Date(start.getTime() + m * 60_000);
        const a = vesselState(i, t);
        const b = vesselState(i, new Date(t.getTime() + 60_000));
        expect(a.speedKnots).toBeGreaterThan(0.5);
        expect(a.speedKnots).toBeLessThan(10);
        // One minute's travel matches the reported speed (5-decimal rounding ≈ 1 m).
        const moved = km(a, b);
        expect(moved).toBeCloseTo((a.speedKnots * 1.852) / 60, 2);
        // The course points where the vessel actually goes.
        const bearing =
          (Math.atan2((b.lon - a.lon) * Math.cos((a.lat * Math.PI) / 180), b.lat - a.lat) * 180) /
            Math.PI +
          360;
        const diff = Math.abs((((bearing % 360) - a.heading + 540) % 360) - 180);
        expect(diff, `vessel ${i} at minute ${m}`).toBeLessThan(3);
      }
    }
  });

  it('stays off the Đà Nẵng coast, some of the fleet far out at sea', () => {
    let farOut = 0;
    for (let i = 0; i < VESSEL_TRACKS.length; i++) {
      let minLon = Infinity;
      for (let m = 0; m < 24 * 60; m += 10) {
        const s = vesselState(i, new Date(start.getTime() + m * 60_000));
        expect(s.lat).toBeGreaterThan(15.4);
        expect(s.lat).toBeLessThan(16.35);
        // West of 108.17 is land everywhere south of the bay of Đà Nẵng.
        expect(s.lon).toBeGreaterThan(s.lat > 16.1 ? 108.16 : 108.26);
        minLon = Math.min(minLon, s.lon);
      }
      if (minLon > 108.55) farOut++;
    }
    expect(farOut).toBeGreaterThanOrEqual(2);
  });

  it('resumes the same track after a restart (position is a function of time only)', () => {
    expect(vesselState(3, start)).toEqual(vesselState(3, new Date(start)));
  });
});

describe('demo alerts', () => {
  it('seeds valid rules', () => {
    for (const r of DEMO_ALERT_RULES)
      expect(alertRuleSchema.safeParse(r).success, String(r.id)).toBe(true);
  });

  it('keeps hotspot stations above the PM2.5 rule around the clock, others mostly below', () => {
    const hot = [20204, 20223, 20216].filter(isHotspot);
    expect(hot.length).toBeGreaterThan(0);
    for (let h = 0; h < 24 * 4; h++) {
      const t = new Date(Date.UTC(2026, 10, 22, 0, h * 15));
      for (const seed of hot)
        expect(simulatedValues('air_quality', seed, t).pm25).toBeGreaterThan(50);
    }
    const night = new Date(Date.UTC(2026, 10, 22, 19, 0)); // 02:00 local
    expect(simulatedValues('air_quality', 20217, night).pm25).toBeLessThan(50);
  });
});
