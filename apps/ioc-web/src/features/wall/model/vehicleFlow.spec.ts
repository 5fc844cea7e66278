import { describe, expect, it } from 'vitest';
import { vehicleFlow } from './vehicleFlow';

const NOW = Date.parse('2026-12-07T10:25:00Z');

describe('vehicleFlow', () => {
  it('sums plate reads and vehicle detections per hour and direction, quiet hours as 0', () => {
    const rows = vehicleFlow(
      {
        unit: '20275',
        asOf: '2026-12-07T10:25:00Z',
        buckets: [
          { hour: '2026-12-07T10:00:00.000Z', type: 'anpr', direction: 'in', count: 3 },
          { hour: '2026-12-07T10:00:00.000Z', type: 'vehicle', direction: 'in', count: 2 },
          { hour: '2026-12-07T10:00:00.000Z', type: 'anpr', direction: 'out', count: 1 },
          { hour: '2026-12-07T08:00:00.000Z', type: 'anpr', direction: 'out', count: 4 },
          { hour: '2026-12-07T10:00:00.000Z', type: 'smoke', direction: null, count: 9 },
          { hour: '2026-12-07T10:00:00.000Z', type: 'anpr', direction: null, count: 9 },
          // Older than the window: left out.
          { hour: '2026-12-07T01:00:00.000Z', type: 'anpr', direction: 'in', count: 7 },
        ],
      },
      NOW,
      3,
    );
    expect(rows).toEqual([
      { hour: Date.parse('2026-12-07T08:00:00Z'), in: 0, out: 4 },
      { hour: Date.parse('2026-12-07T09:00:00Z'), in: 0, out: 0 },
      { hour: Date.parse('2026-12-07T10:00:00Z'), in: 5, out: 1 },
    ]);
  });

  it('no data yet: the hours with zeros', () => {
    expect(vehicleFlow(null, NOW, 2).map((r) => r.in + r.out)).toEqual([0, 0]);
  });
});
