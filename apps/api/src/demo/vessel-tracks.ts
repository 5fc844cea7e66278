/**
 * Demo fishing vessels off the Đà Nẵng coast: each sails a closed elliptical track at a few
 * knots, from the bay of Đà Nẵng and the Sơn Trà peninsula out past Cù Lao Chàm to open sea
 * beyond every unit. Positions are a pure function of time, so a restart resumes the tracks.
 */
export interface VesselTrack {
  /** Centre of the track, WGS84. */
  lon: number;
  lat: number;
  /** Semi-axes east–west and north–south (km). */
  rxKm: number;
  ryKm: number;
  /** Mean speed over ground (knots). */
  knots: number;
  /** Start angle (radians) and direction (1 anticlockwise, -1 clockwise). */
  phase: number;
  dir: 1 | -1;
  name: string;
}

// prettier-ignore
export const VESSEL_TRACKS: readonly VesselTrack[] = [
  { lon: 108.205, lat: 16.135, rxKm: 3.5, ryKm: 2, knots: 2.5, phase: 0.0, dir: 1, name: 'ĐNa-90112-TS' },
  { lon: 108.29, lat: 16.18, rxKm: 4, ryKm: 2.5, knots: 3, phase: 1.1, dir: -1, name: 'ĐNa-90231-TS' },
  { lon: 108.39, lat: 16.1, rxKm: 5, ryKm: 4, knots: 4, phase: 2.3, dir: 1, name: 'ĐNa-90457-TS' },
  { lon: 108.33, lat: 16.035, rxKm: 4, ryKm: 6, knots: 3.5, phase: 3.9, dir: 1, name: 'ĐNa-91020-TS' },
  { lon: 108.35, lat: 15.975, rxKm: 5, ryKm: 4, knots: 3, phase: 5.0, dir: -1, name: 'QNa-95133-TS' },
  { lon: 108.47, lat: 15.875, rxKm: 6, ryKm: 4, knots: 4.5, phase: 0.7, dir: 1, name: 'QNa-95871-TS' },
  { lon: 108.52, lat: 15.955, rxKm: 5, ryKm: 4.5, knots: 3, phase: 4.4, dir: -1, name: 'QNa-96402-TS' },
  { lon: 108.64, lat: 16.06, rxKm: 9, ryKm: 7, knots: 5, phase: 2.0, dir: 1, name: 'ĐNa-90988-TS' },
  { lon: 108.72, lat: 15.84, rxKm: 11, ryKm: 8, knots: 5.5, phase: 3.1, dir: -1, name: 'QNa-97310-TS' },
  { lon: 108.46, lat: 16.26, rxKm: 8, ryKm: 5, knots: 4.5, phase: 5.6, dir: 1, name: 'ĐNa-91544-TS' },
  { lon: 108.66, lat: 15.56, rxKm: 7, ryKm: 5, knots: 4, phase: 1.7, dir: -1, name: 'QNa-98026-TS' },
];

const KM_PER_DEG_LAT = 110.57;
const KM_PER_KNOT_HOUR = 1.852;

export interface VesselState {
  lon: number;
  lat: number;
  /** Speed over ground (knots) and course (degrees clockwise from north). */
  speedKnots: number;
  heading: number;
}

/** Where vessel `index` is at `now`, how fast it goes and where it heads. */
export function vesselState(index: number, now: Date): VesselState {
  const t = VESSEL_TRACKS[index % VESSEL_TRACKS.length] ?? VESSEL_TRACKS[0];
  if (!t) throw new Error('no vessel tracks');
  // Ramanujan's perimeter; constant angular speed gives the mean speed over one lap.
  const a = t.rxKm;
  const b = t.ryKm;
  const perimeter = Math.PI * (3 * (a + b) - Math.sqrt((3 * a + b) * (a + 3 * b)));
  const omega = (t.dir * 2 * Math.PI * t.knots * KM_PER_KNOT_HOUR) / perimeter; // rad per hour
  const hours = now.getTime() / 3_600_000;
  const theta = t.phase + omega * hours;
  const kmPerDegLon = 111.32 * Math.cos((t.lat * Math.PI) / 180);
  const eastKm = a * Math.cos(theta);
  const northKm = b * Math.sin(theta);
  // Velocity (km/h): derivative of the position along the ellipse.
  const ve = -a * Math.sin(theta) * omega;
  const vn = b * Math.cos(theta) * omega;
  const heading = ((Math.atan2(ve, vn) * 180) / Math.PI + 360) % 360;
  return {
    lon: round(t.lon + eastKm / kmPerDegLon, 5),
    lat: round(t.lat + northKm / KM_PER_DEG_LAT, 5),
    speedKnots: round(Math.hypot(ve, vn) / KM_PER_KNOT_HOUR, 1),
    heading: round(heading, 0) % 360,
  };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
