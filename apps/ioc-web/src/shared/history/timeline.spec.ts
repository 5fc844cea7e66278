import { describe, expect, it } from 'vitest';
import { buildTimeline, type AuditItem } from './timeline';

const row = (id: number, at: string, action: string, over: Partial<AuditItem> = {}): AuditItem => ({
  id,
  at,
  action,
  actor: 'op.hoaxuan',
  actorKind: 'user',
  detail: {},
  ...over,
});

describe('buildTimeline', () => {
  it('puts the lifecycle in order with who did each step and what it carried', () => {
    const entries = buildTimeline(
      [
        row(5, '2026-03-05T03:00:00.000Z', 'resolve', {
          detail: { reason: 'Đã vệ sinh cảm biến' },
        }),
        row(1, '2026-03-05T01:00:00.000Z', 'open', { actor: 'rule-engine', actorKind: 'system' }),
        row(2, '2026-03-05T01:10:00.000Z', 'acknowledge'),
        row(3, '2026-03-05T01:20:00.000Z', 'assign', {
          detail: { assignee: 'department:20314.vp', previous: null },
        }),
        row(4, '2026-03-05T02:00:00.000Z', 'note', { detail: { length: 12 } }),
        row(6, '2026-03-05T03:00:00.000Z', 'mystery'),
      ],
      [{ id: 9, author: 'op.hoaxuan', text: 'Đã kiểm tra', at: '2026-03-05T02:00:00.000Z' }],
    );
    expect(entries.map((e) => e.action)).toEqual([
      'open',
      'acknowledge',
      'assign',
      'note',
      'resolve',
      'mystery',
    ]);
    expect(entries[0]?.actor).toBeNull();
    expect(entries[1]?.actor).toBe('op.hoaxuan');
    expect(entries[2]?.assignee).toBe('department:20314.vp');
    expect(entries[3]?.text).toBe('Đã kiểm tra');
    expect(entries[4]?.text).toBe('Đã vệ sinh cảm biến');
    expect(entries[4]?.labelKey).toBe('history.event.resolve');
    expect(entries[5]?.labelKey).toBe('history.event.other');
  });

  it('pairs several notes with their rows in time order', () => {
    const entries = buildTimeline(
      [row(2, '2026-03-05T02:00:00.000Z', 'note'), row(1, '2026-03-05T01:00:00.000Z', 'note')],
      [
        { id: 8, author: 'a', text: 'hai', at: '2026-03-05T02:00:00.000Z' },
        { id: 7, author: 'a', text: 'một', at: '2026-03-05T01:00:00.000Z' },
      ],
    );
    expect(entries.map((e) => e.text)).toEqual(['một', 'hai']);
  });
});
