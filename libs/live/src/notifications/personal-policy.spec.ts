import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, planPersonal } from './personal-policy';

// 23:30 local (UTC+7) on 1 March 2026, and 10:00 local the same day.
const lateNight = new Date('2026-03-01T16:30:00Z');
const morning = new Date('2026-03-01T03:00:00Z');
const quiet = { ...DEFAULT_PREFERENCES, quietHours: { start: 22 * 60, end: 6 * 60 } };

describe('who hears of an alert, on which channel, when', () => {
  it('sends on every channel at once by default', () => {
    expect(planPersonal(DEFAULT_PREFERENCES, 'info', lateNight)).toEqual({
      channels: ['email', 'push'],
      dueAt: lateNight,
      held: false,
    });
  });

  it('keeps only the channels the person chose, from their minimum severity up', () => {
    const prefs = { ...DEFAULT_PREFERENCES, email: false, minSeverity: 'critical' as const };
    expect(planPersonal(prefs, 'warning', morning).channels).toEqual([]);
    expect(planPersonal(prefs, 'critical', morning).channels).toEqual(['push']);
    expect(planPersonal(prefs, 'emergency', morning).channels).toEqual(['push']);
  });

  it('holds all but emergencies until the quiet hours end (06:00 local next morning)', () => {
    const plan = planPersonal(quiet, 'critical', lateNight);
    expect(plan.held).toBe(true);
    expect(plan.channels).toEqual(['email', 'push']);
    expect(plan.dueAt.toISOString()).toBe('2026-03-01T23:00:00.000Z');
  });

  it('lets an emergency through quiet hours at once', () => {
    expect(planPersonal(quiet, 'emergency', lateNight)).toEqual({
      channels: ['email', 'push'],
      dueAt: lateNight,
      held: false,
    });
  });

  it('sends at once outside quiet hours', () => {
    expect(planPersonal(quiet, 'warning', morning).held).toBe(false);
  });

  it('holds nothing when no channel is left', () => {
    const none = { ...quiet, email: false, push: false };
    expect(planPersonal(none, 'warning', lateNight)).toEqual({
      channels: [],
      dueAt: lateNight,
      held: false,
    });
  });
});
