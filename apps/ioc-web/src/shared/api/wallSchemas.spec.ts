import { describe, expect, it, vi } from 'vitest';
import { parseAlertList, parseFleet, parseScorecard, parseWallConfig } from './schemas';

describe('wall response schemas', () => {
  it('keeps the good scenes of a config and drops a malformed one', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const config = parseWallConfig({
      unitCode: '48',
      rotate: false,
      scenes: [
        { id: 'a', kind: 'air', durationSec: 10, measure: { kind: 'metric', metric: 'pm25' } },
        { id: 'b', kind: 'not-a-kind', durationSec: 10 },
      ],
      updatedAt: '2026-11-22T10:00:00Z',
      updatedBy: 'admin',
    });
    expect(config.rotate).toBe(false);
    expect(config.scenes).toEqual([
      {
        id: 'a',
        kind: 'air',
        durationSec: 10,
        enabled: true,
        measure: { kind: 'metric', metric: 'pm25' },
        overlays: [],
      },
    ]);
  });

  it('reads alerts, a scorecard line and fleet counts as the API sends them', () => {
    const alerts = parseAlertList({
      asOf: '2026-11-22T10:00:00Z',
      items: [
        {
          id: '1',
          severity: 'emergency',
          status: 'open',
          message: 'Báo động III',
          openedAt: '2026-11-22T09:59:00Z',
          unitCode: '20314',
        },
      ],
    });
    expect(alerts.items[0]).toMatchObject({ id: '1', severity: 'emergency', deviceId: null });

    const card = parseScorecard({
      asOf: '2026-11-22T10:00:00Z',
      year: 2026,
      summary: { on_track: 1 },
      items: [
        {
          indicator: 'dx.x',
          nameVi: 'Tỷ lệ',
          status: 'on_track',
          value: { period: '2026-10', value: 19.4 },
          evaluations: [{ expected: { op: '>=', value: 10.7 }, source: 'KH' }],
          trend: { direction: 'improving', points: [{ period: '2026-09', value: 18 }] },
          latestReport: { feed: 'demo', submittedAt: '2026-11-21T12:00:00Z' },
          unit: 'percent',
        },
      ],
    });
    expect(card.items[0]?.evaluations[0]?.expected).toEqual({ op: '>=', value: 10.7 });

    const fleet = parseFleet({
      asOf: null,
      summary: { key: '48', online: 3, late: 1, offline: 2, total: 6 },
      byKind: [{ key: 'air_quality', online: 3, late: 1, offline: 2, total: 6 }],
      devices: [
        {
          id: 'd',
          kind: 'air_quality',
          status: 'online',
          health: { battery: { value: 12, time: 'x' } },
        },
      ],
    });
    expect(fleet.devices[0]?.health['battery']?.value).toBe(12);
  });
});
