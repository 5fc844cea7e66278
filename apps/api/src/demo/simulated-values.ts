/** Deterministic pseudo-noise in [0,1) from a seed and a time slot. */
function noise(seed: number, slot: number): number {
  let x = (seed * 374_761_393 + slot * 668_265_263) | 0;
  x = Math.imul(x ^ (x >>> 13), 1_274_126_177);
  return ((x ^ (x >>> 16)) >>> 0) / 4_294_967_296;
}

function round(v: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Air-quality stations with a persistent local source (about one in twenty). */
export function isHotspot(seed: number): boolean {
  return seed % 19 === 7;
}

/** Hour of day in Vietnam (UTC+7), fractional. */
function localHour(now: Date): number {
  return (now.getUTCHours() + 7 + now.getUTCMinutes() / 60) % 24;
}

/**
 * Plausible readings for a demo device kind: rush-hour peaks for traffic, noise and PM,
 * a semi-diurnal tide on water levels, occasional rain showers. Not a physical model; enough
 * for the wall to look and behave like a real province.
 */
export function simulatedValues(kind: string, seed: number, now: Date): Record<string, number> {
  const h = localHour(now);
  const slot = Math.floor(now.getTime() / 60_000);
  const n = noise(seed, slot);
  const rush = Math.exp(-((h - 7.5) ** 2) / 2) + Math.exp(-((h - 17.5) ** 2) / 2);
  switch (kind) {
    case 'air_quality': {
      // A few stations sit next to industrial zones and building sites: PM2.5 above the
      // QCVN 05:2023 24-hour limit (50 µg/m³) around the clock, so the demo has open alerts.
      const base = 18 + (seed % 17) + 25 * rush + 10 * n + (isHotspot(seed) ? 33 : 0);
      return {
        pm25: round(base),
        pm10: round(base * 1.6 + 5 * n),
        no2: round(20 + 30 * rush + 8 * n),
        o3: round(40 + 50 * Math.max(0, Math.sin(((h - 8) / 12) * Math.PI)) + 10 * n),
        so2: round(5 + 4 * n),
        co: round(600 + 700 * rush + 200 * n, 0),
        temperature: round(24 + 6 * Math.sin(((h - 9) / 24) * 2 * Math.PI) + n),
        humidity: round(70 + 15 * Math.cos(((h - 4) / 24) * 2 * Math.PI) + 5 * n),
      };
    }
    case 'water_level': {
      const tide = Math.sin((now.getTime() / 3_600_000 / 12.42) * 2 * Math.PI + seed);
      return {
        water_level: round(1.2 + 0.6 * tide + 0.1 * n, 2),
        battery: round(60 + (seed % 40) - n),
      };
    }
    case 'rain_gauge': {
      const shower = noise(seed, Math.floor(slot / 30)) > 0.8 ? 2 + 10 * n : 0;
      return { rainfall: round(shower), battery: round(50 + (seed % 50) - n) };
    }
    case 'traffic_counter':
      return {
        vehicle_count: Math.round(40 + 300 * rush + 40 * n),
        avg_speed: round(45 - 25 * rush + 5 * n),
        occupancy: round(10 + 50 * rush + 5 * n),
      };
    case 'noise':
      return { noise_laeq: round(55 + 15 * rush + 5 * n) };
    case 'wifi_hotspot':
      return { wifi_clients: Math.round(5 + 60 * rush * n + 10 * n), wifi_up: n > 0.03 ? 1 : 0 };
    default:
      return { battery: round(80 + 10 * n) };
  }
}
