import { describe, expect, it } from 'vitest';
import type { WallAlert } from '../../../shared/api/schemas';
import { activeAlerts, mapSeverity } from './alertBoard';

const alert = (id: string, patch: Partial<WallAlert> = {}): WallAlert => ({
  id,
  ruleId: 'r1',
  ruleName: null,
  deviceId: null,
  unitCode: '20314',
  status: 'open',
  severity: 'warning',
  level: null,
  value: null,
  message: id,
  assignee: null,
  openedAt: '2026-11-22T10:00:00Z',
  acknowledgedAt: null,
  resolvedAt: null,
  closedAt: null,
  reopenedAt: null,
  lastValueAt: null,
  escalations: 0,
  escalatedAt: null,
  updatedAt: '2026-11-22T10:00:00Z',
  lon: null,
  lat: null,
  snapshotUrl: null,
  ...patch,
});

describe('activeAlerts', () => {
  it('puts critical and emergency first, then the newest', () => {
    const list = activeAlerts(
      [
        alert('w-old', { openedAt: '2026-11-22T09:00:00Z' }),
        alert('info', { severity: 'info' }),
        alert('crit', { severity: 'critical', openedAt: '2026-11-22T08:00:00Z' }),
        alert('emerg', { severity: 'emergency', openedAt: '2026-11-22T07:00:00Z' }),
        alert('w-new', { openedAt: '2026-11-22T10:30:00Z' }),
      ],
      new Map(),
    );
    expect(list.map((a) => a.id)).toEqual(['emerg', 'crit', 'w-new', 'w-old', 'info']);
  });

  it('lets a newer pushed alert override the list and drops resolved ones', () => {
    const pushed = new Map([
      ['a', alert('a', { status: 'acknowledged', updatedAt: '2026-11-22T10:05:00Z' })],
      ['b', alert('b', { status: 'resolved', updatedAt: '2026-11-22T10:05:00Z' })],
      ['c', alert('c', { severity: 'critical' })],
      ['old', alert('old', { status: 'open', updatedAt: '2026-11-22T09:00:00Z' })],
    ]);
    const rest = [alert('a'), alert('b'), alert('old', { status: 'acknowledged' })];
    const list = activeAlerts(rest, pushed);
    expect(list.map((a) => [a.id, a.status])).toEqual([
      ['c', 'open'],
      ['a', 'acknowledged'],
      ['old', 'acknowledged'],
    ]);
  });

  it('draws an emergency as a critical marker', () => {
    expect(mapSeverity('emergency')).toBe('critical');
    expect(mapSeverity('info')).toBe('info');
  });
});
