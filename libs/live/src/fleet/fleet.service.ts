import { z } from 'zod';
import { DomainError, fleetQuerySchema, parseInput } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import { decodeCursor, encodeCursor, requireUnit, type LiveUnits } from '../common/query';
import { LatestRepository } from '../rollups/latest.repository';
import { RollupRepository } from '../rollups/rollup.repository';
import { aggregateUptime, statusCounts, type DeviceUptime, type StatusCounts } from './aggregate';
import { FleetRepository } from './fleet.repository';
import { deviceStatus, type DeviceStatus } from './status';
import { deviceUptime, DOWN_GAP_FACTOR, uptimeValue, type UptimeValue } from './uptime';

/** Battery and radio metrics shown with each device when it reports them. */
const HEALTH_METRICS = ['battery', 'battery_v', 'rssi', 'snr'] as const;
/** Periods longer than this use hourly presence (rollup_1h) instead of minutes. */
const MINUTE_PRESENCE_MAX_MS = 2 * 86_400_000;
const MAX_PERIOD_MS = 366 * 86_400_000;

export interface FleetDeviceView {
  id: string;
  name: string | null;
  kind: string;
  unitCode: string | null;
  status: DeviceStatus;
  lastSeen: string | null;
  silentS: number | null;
  expectedIntervalS: number;
  uptime: UptimeValue;
  health: Partial<Record<(typeof HEALTH_METRICS)[number], { value: number; time: string }>>;
}

export interface FleetGroup extends StatusCounts {
  devices: number;
  /** Indicator-shaped: Σ seconds up / Σ seconds expected. */
  uptime: UptimeValue;
}

export interface FleetView {
  asOf: string;
  unit: string;
  period: { from: string; to: string };
  /** Presence resolution the uptime was computed from. */
  resolution: '1m' | '1h';
  summary: FleetGroup;
  byUnit: FleetGroup[];
  byKind: FleetGroup[];
  devices: FleetDeviceView[];
  nextCursor: string | null;
}

/**
 * Fleet health per unit: status from last_seen against each device's expected interval
 * (online/late/offline), uptime over a period from the minutes (hours, for long periods) in
 * which the device reported — gaps longer than 2 × its interval count as down — and the counts
 * and uptime per ward and per device kind. Uptime is {numerator, denominator} in seconds, so
 * wards and the province add up (never an average of percentages).
 */
export class FleetService {
  private readonly fleet: FleetRepository;
  private readonly rollups: RollupRepository;
  private readonly latest: LatestRepository;

  constructor(
    db: Queryable,
    private readonly units: LiveUnits,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.fleet = new FleetRepository(db);
    this.rollups = new RollupRepository(db);
    this.latest = new LatestRepository(db);
  }

  async health(input: unknown): Promise<FleetView> {
    const q = parseInput(fleetQuerySchema, input, 'QUERY_INVALID');
    const now = this.clock();
    const to = q.to ?? now;
    const from = q.from ?? new Date(to.getTime() - 86_400_000);
    if (!(to > from)) throw new DomainError('invalid', 'QUERY_INVALID', 'to must be after from');
    if (to.getTime() - from.getTime() > MAX_PERIOD_MS) {
      throw new DomainError('invalid', 'RANGE_TOO_WIDE', 'uptime periods are at most 366 days');
    }
    const unitCodes = await requireUnit(this.units, q.unit);
    const devices = await this.fleet.devices(unitCodes, q.kind ?? null);
    const resolution: '1m' | '1h' =
      to.getTime() - from.getTime() <= MINUTE_PRESENCE_MAX_MS ? '1m' : '1h';
    const presenceStepS = resolution === '1m' ? 60 : 3600;
    const maxInterval = Math.max(presenceStepS, ...devices.map((d) => d.expectedIntervalS));
    const reach = Math.min(DOWN_GAP_FACTOR * maxInterval * 1000, 86_400_000);
    const presence = await this.rollups.presence(
      resolution,
      devices.map((d) => d.id),
      new Date(from.getTime() - reach),
      new Date(to.getTime() + reach),
    );
    const health = await this.latest.forDevices(
      devices.map((d) => d.id),
      HEALTH_METRICS,
    );
    const healthBy = new Map<string, FleetDeviceView['health']>();
    for (const h of health) {
      let rec = healthBy.get(h.deviceId);
      if (!rec) healthBy.set(h.deviceId, (rec = {}));
      rec[h.metric as (typeof HEALTH_METRICS)[number]] = {
        value: h.value,
        time: h.time.toISOString(),
      };
    }

    const nowMs = now.getTime();
    const sorted = [...devices].sort((a, b) => a.id.localeCompare(b.id));
    const views: FleetDeviceView[] = sorted.map((d) => {
      // A device added during the period is not "down" before it existed.
      const periodFrom = Math.max(from.getTime(), d.createdAt.getTime());
      const interval = Math.max(d.expectedIntervalS, presenceStepS);
      const uptime =
        periodFrom >= to.getTime()
          ? uptimeValue(0, 0)
          : deviceUptime(
              presence.get(d.id) ?? [],
              { fromMs: periodFrom, toMs: to.getTime() },
              interval,
            );
      const lastSeenMs = d.lastSeen?.getTime() ?? null;
      return {
        id: d.id,
        name: d.name,
        kind: d.kind,
        unitCode: d.unitCode,
        status: deviceStatus(lastSeenMs, Math.max(1, d.expectedIntervalS), nowMs),
        lastSeen: d.lastSeen?.toISOString() ?? null,
        silentS: lastSeenMs === null ? null : Math.max(0, Math.round((nowMs - lastSeenMs) / 1000)),
        expectedIntervalS: d.expectedIntervalS,
        uptime,
        health: healthBy.get(d.id) ?? {},
      };
    });

    const liveness = views.map((v) => ({
      deviceId: v.id,
      unitCode: v.unitCode,
      kind: v.kind,
      lastSeenMs: v.lastSeen ? Date.parse(v.lastSeen) : null,
      expectedIntervalS: Math.max(1, v.expectedIntervalS),
    }));
    const uptimes: DeviceUptime[] = views.map((v) => ({
      deviceId: v.id,
      unitCode: v.unitCode,
      kind: v.kind,
      uptime: v.uptime,
    }));
    const groups = (by: 'unit' | 'kind'): FleetGroup[] => {
      const counts = new Map(statusCounts(liveness, by, nowMs).map((c) => [c.key, c]));
      return aggregateUptime(uptimes, by).map((u) => {
        const c = counts.get(u.key) ?? {
          key: u.key,
          online: 0,
          late: 0,
          offline: 0,
          never: 0,
          total: 0,
        };
        return { ...c, devices: u.devices, uptime: uptimeValue(u.numerator, u.denominator) };
      });
    };
    const total = aggregateUptime(
      uptimes.map((u) => ({ ...u, kind: '' })),
      'kind',
    )[0];
    const all = statusCounts(
      liveness.map((l) => ({ ...l, kind: '' })),
      'kind',
      nowMs,
    )[0];
    const summary: FleetGroup = {
      key: q.unit,
      online: all?.online ?? 0,
      late: all?.late ?? 0,
      offline: all?.offline ?? 0,
      never: all?.never ?? 0,
      total: all?.total ?? 0,
      devices: views.length,
      uptime: total ? uptimeValue(total.numerator, total.denominator) : uptimeValue(0, 0),
    };

    const after = decodeCursor(z.object({ d: z.string() }), q.cursor);
    const start = after ? views.findIndex((v) => v.id.localeCompare(after.d) > 0) : 0;
    const page = start < 0 ? [] : views.slice(start, start + q.limit);
    const last = page.at(-1);
    return {
      asOf: now.toISOString(),
      unit: q.unit,
      period: { from: from.toISOString(), to: to.toISOString() },
      resolution,
      summary,
      byUnit: groups('unit'),
      byKind: groups('kind'),
      devices: page,
      nextCursor:
        start >= 0 && start + q.limit < views.length && last ? encodeCursor({ d: last.id }) : null,
    };
  }
}
