/**
 * Bench page of `npm run bench:wall` (tools/bench/wall.bench.ts), built by Vite from this entry.
 * `?mode=ours`: the wall's SceneMap — MapLibre, ward polygons, the same device layer code — fed
 * by a DeviceStore of N devices; `?mode=bare`: one deck.gl ScatterplotLayer of the same points.
 * Both apply the same deltas (a share of devices per frame) and record rAF frame times.
 */
import '@fontsource/be-vietnam-pro/600.css';
import '../src/shared/ui/global.css';
import '../src/features/wall/wall.css';
import { Deck, MapView } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { DeviceView, ReadingDelta, WallScene } from '@ioc/contracts';
import { Delaunay } from 'd3-delaunay';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type {} from './benchResult';
import type { WardFeature } from '../src/shared/api/schemas';
import { DeviceStore } from '../src/shared/live/deviceStore';
import { pm25Color } from '../src/shared/map/colorScale';
import { dotStyle } from '../src/shared/map/layers/devicePoints';
import { EMPTY_MEASURE } from '../src/shared/map/wardMeasure';
import { SceneMap } from '../src/shared/map/SceneMap';

const params = new URLSearchParams(location.search);
const MODE = params.get('mode') ?? 'ours';
const POINTS = Number(params.get('points') ?? 100_000);
const WARDS = Number(params.get('wards') ?? 200);
const SHARE = Number(params.get('share') ?? 0.03);
const WARMUP_MS = Number(params.get('warmup') ?? 3000);
const MEASURE_MS = Number(params.get('seconds') ?? 10) * 1000;
const BBOX = [107.6, 15.3, 108.7, 16.2] as const;
/** Keep measuring past `seconds` until this many frames (software GL can take seconds a frame). */
const MIN_FRAMES = Number(params.get('minFrames') ?? 12);
const CAP_MS = Number(params.get('capSeconds') ?? 150) * 1000;

/** Deterministic PRNG so both modes see the same points and the same deltas. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(48);
const lon = new Float64Array(POINTS);
const lat = new Float64Array(POINTS);
for (let i = 0; i < POINTS; i++) {
  lon[i] = BBOX[0] + rand() * (BBOX[2] - BBOX[0]);
  lat[i] = BBOX[1] + rand() * (BBOX[3] - BBOX[1]);
}

/** 200 Voronoi cells over the box: ward-like polygons with shared edges. */
function syntheticWards(): WardFeature[] {
  const r = mulberry32(57);
  const seeds: [number, number][] = Array.from({ length: WARDS }, () => [
    BBOX[0] + r() * (BBOX[2] - BBOX[0]),
    BBOX[1] + r() * (BBOX[3] - BBOX[1]),
  ]);
  const voronoi = Delaunay.from(seeds).voronoi([...BBOX]);
  return seeds.map(([x, y], i) => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [voronoi.cellPolygon(i)] },
    properties: {
      code: String(20000 + i),
      name: `Phường ${i}`,
      shortName: `P${i}`,
      level: 'ward',
      approximate: false,
      labelLon: x,
      labelLat: y,
    },
  }));
}

function wardOf(i: number): string {
  return String(20000 + (i % WARDS));
}

/** Next frame's deltas: SHARE of the devices get a new PM2.5 value. */
function makeDeltas(frame: number): { index: number[]; values: number[] } {
  const r = mulberry32(1000 + frame);
  const n = Math.round(POINTS * SHARE);
  const index: number[] = [];
  const values: number[] = [];
  for (let k = 0; k < n; k++) {
    index.push(Math.floor(r() * POINTS));
    values.push(r() * 200);
  }
  return { index, values };
}

function record(mode: string, tick: (frame: number) => void): void {
  const frames: number[] = [];
  const start = performance.now();
  let last = start;
  let frame = 0;
  let updated = 0;
  const loop = (now: number): void => {
    if (now - start > WARMUP_MS) frames.push(now - last);
    last = now;
    tick(frame++);
    updated += Math.round(POINTS * SHARE);
    const elapsed = now - start;
    const enough = elapsed >= WARMUP_MS + MEASURE_MS && frames.length >= MIN_FRAMES;
    if (!enough && elapsed < CAP_MS) requestAnimationFrame(loop);
    else window.__bench = { mode, frames, updated };
  };
  requestAnimationFrame(loop);
}

const SCENE: WallScene = {
  id: 'bench',
  kind: 'air',
  durationSec: 60,
  enabled: true,
  measure: { kind: 'metric', metric: params.get('metric') ?? 'pm25' },
  // `?overlays=heatmap,hexagon,devices,alerts` benches (or smoke-tests) the heavier scenes.
  overlays: (params.get('overlays') ?? 'devices').split(',') as WallScene['overlays'],
};
const ALERTS = Array.from({ length: Number(params.get('alerts') ?? 0) }, (_, i) => ({
  id: `a${i}`,
  severity: 'critical' as const,
  lon: lon[i] ?? 0,
  lat: lat[i] ?? 0,
}));

function Ours() {
  const [wards] = useState(syntheticWards);
  const [store] = useState(() => {
    const s = new DeviceStore();
    const now = new Date().toISOString();
    const items: DeviceView[] = [];
    for (let i = 0; i < POINTS; i++) {
      items.push({
        id: `d${i}`,
        kind: i % 1000 === 0 ? 'vessel' : 'air_quality',
        unitCode: wardOf(i),
        lon: lon[i] ?? 0,
        lat: lat[i] ?? 0,
        lastSeen: now,
        latest: { pm25: { value: 20, time: now } },
      });
    }
    s.replaceAll(items);
    return s;
  });
  const [version, setVersion] = useState(store.valueVersion);
  useEffect(() => {
    const t0 = Date.now();
    const timer = setTimeout(() => {
      window.__benchReady = true;
      record('ours', (frame) => {
        const { index, values } = makeDeltas(frame);
        const time = new Date(t0 + (frame + 1) * 16).toISOString();
        const deltas: ReadingDelta[] = index.map((i, k) => ({
          deviceId: `d${i}`,
          unitCode: wardOf(i),
          time,
          values: { pm25: values[k] ?? 0 },
        }));
        store.applyDeltas(deltas);
        setVersion(store.valueVersion);
      });
    }, 500);
    return () => {
      clearTimeout(timer);
    };
  }, [store]);
  return (
    <div className="wall-map" style={{ position: 'fixed', inset: 0 }}>
      <SceneMap
        unitCode="48"
        scene={SCENE}
        wards={wards}
        children={new Map()}
        store={store}
        valueVersion={version}
        statusTick={Math.floor(Date.now() / 30_000) * 30_000}
        alerts={ALERTS}
        citizen={[]}
        measure={EMPTY_MEASURE}
        selectedWard={null}
        onWardClick={() => undefined}
      />
    </div>
  );
}

function bare(host: HTMLDivElement): void {
  const data = Array.from({ length: POINTS }, (_, i) => ({
    position: [lon[i] ?? 0, lat[i] ?? 0] as [number, number],
    value: 20,
  }));
  let version = 0;
  const layer = () =>
    new ScatterplotLayer<(typeof data)[number]>({
      id: 'bare',
      data,
      getPosition: (d) => d.position,
      getFillColor: (d) => pm25Color(d.value),
      radiusUnits: 'pixels',
      // The same dot size the wall uses for this many points, so both shade the same pixels.
      getRadius: dotStyle(POINTS).radius,
      updateTriggers: { getFillColor: version },
    });
  const deck = new Deck({
    parent: host,
    views: new MapView({ repeat: false }),
    initialViewState: { longitude: 108.15, latitude: 15.75, zoom: 9 },
    controller: false,
    layers: [layer()],
  });
  setTimeout(() => {
    window.__benchReady = true;
    record('bare', (frame) => {
      const { index, values } = makeDeltas(frame);
      index.forEach((i, k) => {
        const d = data[i];
        if (d) d.value = values[k] ?? 0;
      });
      version += 1;
      deck.setProps({ layers: [layer()] });
    });
  }, 500);
}

const root = document.querySelector<HTMLDivElement>('#root');
if (!root) throw new Error('no #root');
if (MODE === 'bare') bare(root);
else createRoot(root).render(<Ours />);
