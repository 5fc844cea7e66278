import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { UnitSummary } from '@ioc/contracts';
import { type DeviceRepository, generateToken, hashToken } from '@ioc/ingest';
import { VESSEL_TRACKS, vesselState } from './vessel-tracks';

export const DEMO_CREDENTIALS_FILE = 'demo-devices.json';

export interface DemoCredential {
  id: string;
  kind: string;
  token: string;
  seed: number;
  /** Publishes every N simulator ticks. */
  everyTicks: number;
  /** Vessels: index into VESSEL_TRACKS (the reading carries the position on that track). */
  track?: number;
}

interface DemoKind {
  kind: string;
  /** The device type as a Vietnamese name begins: "Đo mực nước". */
  label: string;
  prefix: string;
  /** Which wards get one: every k-th by code order, offset. */
  every: number;
  offset: number;
  everyTicks: number;
  intervalS: number;
  dx: number;
  dy: number;
}

// prettier-ignore
const KINDS: DemoKind[] = [
  { kind: 'air_quality', label: 'Quan trắc không khí', prefix: 'aq', every: 1, offset: 0, everyTicks: 2, intervalS: 60, dx: 0, dy: 0 },
  { kind: 'water_level', label: 'Đo mực nước', prefix: 'wl', every: 5, offset: 1, everyTicks: 3, intervalS: 120, dx: 0.004, dy: -0.003 },
  { kind: 'rain_gauge', label: 'Đo mưa', prefix: 'rg', every: 6, offset: 2, everyTicks: 6, intervalS: 300, dx: -0.004, dy: 0.003 },
  { kind: 'traffic_counter', label: 'Đếm xe', prefix: 'tc', every: 3, offset: 0, everyTicks: 2, intervalS: 60, dx: 0.003, dy: 0.004 },
  { kind: 'noise', label: 'Đo tiếng ồn', prefix: 'ns', every: 4, offset: 3, everyTicks: 3, intervalS: 120, dx: -0.003, dy: -0.004 },
  { kind: 'wifi_hotspot', label: 'Wi-Fi công cộng', prefix: 'wf', every: 4, offset: 1, everyTicks: 6, intervalS: 300, dx: 0.002, dy: -0.005 },
];

/**
 * Registers the demo fleet (about 200 devices across the province's wards) with fresh tokens,
 * and keeps the tokens in DATA_DIR for the simulator only — like a gateway's config file.
 */
export async function seedDemoDevices(
  repo: DeviceRepository,
  wards: UnitSummary[],
  dataDir: string,
  province: string,
  /** The ward containing a point, when the wards' shapes are at hand (a fresh region). */
  locate?: (lon: number, lat: number) => string | null,
): Promise<number> {
  const file = join(dataDir, DEMO_CREDENTIALS_FILE);
  if (existsSync(file) && (await repo.count()) > 0) {
    // An existing demo: add what later versions brought (the fishing fleet), keep the rest.
    const existing = JSON.parse(readFileSync(file, 'utf8')) as DemoCredential[];
    const added = await seedVessels(repo, existing, province);
    if (added > 0) writeCredentials(file, existing);
    return existing.length;
  }
  const creds: DemoCredential[] = [];
  const sorted = [...wards].sort((a, b) => a.code.localeCompare(b.code));
  for (const k of KINDS) {
    sorted.forEach((w, i) => {
      if ((i + k.offset) % k.every !== 0 || !w.label) return;
      const id = `${k.prefix}-${w.code}`;
      creds.push({
        id,
        kind: k.kind,
        token: generateToken(),
        seed: Number(w.code) + k.offset * 7,
        everyTicks: k.everyTicks,
      });
    });
  }
  for (const c of creds) {
    const k = KINDS.find((x) => x.kind === c.kind);
    const w = sorted.find((x) => c.id.endsWith(x.code));
    if (!k || !w?.label) continue;
    if (await repo.get(c.id)) {
      await repo.setTokenHash(c.id, hashToken(c.token));
      continue;
    }
    // Beside the ward's label point, so a ward's devices do not sit on top of each other; on it
    // where that spot falls outside a small ward's real boundary (a device drawn in the ward
    // next door would be counted there by anyone reading the map).
    const beside: [number, number] = [w.label[0] + k.dx, w.label[1] + k.dy];
    const [lon, lat] = !locate || locate(...beside) === w.code ? beside : w.label;
    await repo.insert({
      id: c.id,
      kind: c.kind,
      unitCode: w.code,
      lon,
      lat,
      expectedIntervalS: k.intervalS,
      tokenHash: hashToken(c.token),
      // A name people read on lists and the map ("Đo mực nước Hải Châu"), not the kind's code.
      name: `${k.label} ${w.shortName}`,
      ...(c.kind === 'water_level' ? { profile: { alarmLevels: demoAlarmLevels(c.seed) } } : {}),
    });
  }
  await seedVessels(repo, creds, province);
  writeCredentials(file, creds);
  return creds.length;
}

/**
 * A demo water station's own báo động I–III: each station sits differently on the river, so
 * the same tide puts some at báo động II and leaves others under I (the simulated level peaks
 * near 1.9 m; see simulated-values.ts).
 */
export function demoAlarmLevels(seed: number): number[] {
  const base = 1.6 + (seed % 5) * 0.05;
  return [base, base + 0.1, base + 0.18].map((v) => Math.round(v * 100) / 100);
}

function writeCredentials(file: string, creds: DemoCredential[]): void {
  // With DATABASE_URL nothing else has made DATA_DIR yet (`ioc seed demo` in a fresh clone).
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(creds, null, 1));
  chmodSync(file, 0o600);
}

/**
 * Fishing vessels off the Đà Nẵng coast (province 48 only): mobile devices registered to the
 * province, placed in a ward (or none, at sea) per reading from the position they report.
 * Adds the missing ones to `creds`; returns how many were added.
 */
async function seedVessels(
  repo: DeviceRepository,
  creds: DemoCredential[],
  province: string,
): Promise<number> {
  if (province !== '48') return 0;
  let added = 0;
  const now = new Date();
  for (const [i, track] of VESSEL_TRACKS.entries()) {
    const id = `vs-${String(i + 1).padStart(2, '0')}`;
    if (creds.some((c) => c.id === id)) continue;
    const token = generateToken();
    const at = vesselState(i, now);
    if (await repo.get(id)) await repo.setTokenHash(id, hashToken(token));
    else
      await repo.insert({
        id,
        kind: 'vessel',
        unitCode: province,
        lon: at.lon,
        lat: at.lat,
        mobile: true,
        expectedIntervalS: 60,
        tokenHash: hashToken(token),
        name: `Tàu cá ${track.name}`,
      });
    creds.push({ id, kind: 'vessel', token, seed: 900 + i, everyTicks: 2, track: i });
    added++;
  }
  return added;
}
