import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '@ioc/contracts';
import type { AuditActor } from './model';
import { RefusalTally } from './refusal-tally';

const recorder = () => {
  const rows: { ip: string | null; event: AuditEvent }[] = [];
  return {
    rows,
    record: (who: AuditActor, event: AuditEvent) => {
      rows.push({ ip: who.ip, event });
      return Promise.resolve();
    },
  };
};

describe('RefusalTally', () => {
  let tally: RefusalTally | undefined;
  afterEach(() => tally?.stop());

  it('writes the first refusal at once and the repeats of the window as one counted row', async () => {
    const audit = recorder();
    tally = new RefusalTally(audit, { windowMs: 3_600_000 });
    for (let i = 0; i < 500; i++)
      tally.note('203.0.113.5', 'AUTH_INVALID_TOKEN', 'GET /api/v1/devices');
    tally.note('203.0.113.6', 'AUTH_REQUIRED', 'GET /api/v1/users');
    expect(audit.rows.map((r) => [r.ip, r.event.detail?.['count']])).toEqual([
      ['203.0.113.5', 1],
      ['203.0.113.6', 1],
    ]);
    await tally.flush();
    expect(audit.rows).toHaveLength(3);
    expect(audit.rows[2]).toMatchObject({
      ip: '203.0.113.5',
      event: {
        action: 'access.unauthenticated',
        detail: { code: 'AUTH_INVALID_TOKEN', count: 499, routes: ['GET /api/v1/devices'] },
      },
    });
    // A new window starts afresh.
    tally.note('203.0.113.5', 'AUTH_INVALID_TOKEN', 'GET /api/v1/devices');
    expect(audit.rows).toHaveLength(4);
  });

  it('keeps its memory bounded under a flood of addresses', async () => {
    const audit = recorder();
    tally = new RefusalTally(audit, { windowMs: 3_600_000, maxKeys: 10 });
    for (let i = 0; i < 1000; i++)
      tally.note(`198.51.100.${i % 250}.${i}`, 'AUTH_REQUIRED', 'GET /');
    await tally.flush();
    // Ten addresses written once each, then the rest as one address-less key: 1 + 1 counted row.
    expect(audit.rows).toHaveLength(12);
    expect(audit.rows[11]?.event.detail?.['count']).toBe(989);
  });
});
