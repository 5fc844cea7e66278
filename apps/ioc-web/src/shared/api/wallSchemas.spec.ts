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
          ruleId: 'water-levels',
          ruleName: 'Mực nước',
          deviceId: null,
          severity: 'emergency',
          status: 'open',
          level: 3,
          value: 2.1,
          message: 'Báo động III',
          assignee: null,
          openedAt: '2026-11-22T09:59:00Z',
          acknowledgedAt: null,
          resolvedAt: null,
          closedAt: null,
          reopenedAt: null,
          lastValueAt: '2026-11-22T09:59:00Z',
          escalations: 0,
          escalatedAt: null,
          updatedAt: '2026-11-22T09:59:00Z',
          lon: null,
          lat: null,
          unitCode: '20314',
        },
      ],
    });
    expect(alerts.items[0]).toMatchObject({ id: '1', severity: 'emergency', deviceId: null });

    const card = parseScorecard({
      asOf: '2026-11-22T10:00:00Z',
      unit: { code: '48', name: 'Đà Nẵng', level: 'province', parentCode: null },
      year: 2026,
      summary: { on_track: 1, at_risk: 0, off_track: 0, no_data: 0, no_target: 0 },
      items: [
        {
          indicator: 'dx.x',
          year: 2026,
          nameVi: 'Tỷ lệ',
          nameEn: 'Share',
          domain: 'digital_transformation',
          status: 'on_track',
          value: {
            period: '2026-10',
            value: 19.4,
            used: 'own',
            own: 19.4,
            numerator: null,
            denominator: null,
            rolledUp: null,
            latest: null,
          },
          coverage: null,
          targets: [],
          evaluations: [
            {
              status: 'on_track',
              basis: 'target',
              expected: { op: '>=', value: 10.7 },
              target: { op: '>=', value: 10.7, year: 2026, source: 'KH' },
              from: null,
              source: 'KH',
            },
          ],
          trend: {
            direction: 'improving',
            points: [{ period: '2026-09', value: 18, used: 'own' }],
          },
          latestReport: {
            reportId: 1,
            feed: 'demo',
            unitCode: '48',
            period: '2026-10',
            submissionId: 1,
            submittedAt: '2026-11-21T12:00:00Z',
          },
          unit: 'percent',
          direction: 'higher_is_better',
          rollup: 'ratio',
        },
      ],
      sources: { KH: { titleVi: 'Kế hoạch', titleEn: null, issuedOn: null } },
    });
    expect(card.items[0]?.evaluations[0]?.expected).toEqual({ op: '>=', value: 10.7 });

    const fleet = parseFleet({
      asOf: '2026-11-22T10:00:00Z',
      summary: { key: '48', online: 3, late: 1, offline: 2, total: 6 },
      byKind: [{ key: 'air_quality', online: 3, late: 1, offline: 2, total: 6 }],
      devices: [
        {
          id: 'd',
          name: null,
          kind: 'air_quality',
          unitCode: '20314',
          status: 'online',
          lastSeen: '2026-11-22T09:58:00Z',
          silentS: 120,
          expectedIntervalS: 300,
          uptime: { numerator: 86_400, denominator: 86_400, ratio: 1 },
          health: { battery: { value: 12, time: '2026-11-22T09:58:00Z' } },
        },
      ],
    });
    expect(fleet.devices[0]?.health['battery']?.value).toBe(12);
  });
});
