import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedPglite, type DisposableDb } from '@ioc/db';
import type { DossierWarningMessage } from '../ports';
import { DossierRepository } from '../repo/dossier.repository';
import { DossierWarnings } from './dossier-warnings';

const NOW = new Date('2026-03-10T01:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();

describe('DossierWarnings (PGlite)', () => {
  let db: DisposableDb;
  beforeAll(async () => {
    db = await createMigratedPglite();
    await db.query(`INSERT INTO admin_unit (code, name, short_name, name_folded, level) VALUES ('48', 'Thành phố Đà Nẵng', 'Đà Nẵng', 'da nang', 'province')
                    ON CONFLICT DO NOTHING`);
    await db.query(`INSERT INTO admin_unit (code, name, short_name, name_folded, level, parent_code) VALUES ('20275', 'Phường An Hải', 'An Hải', 'an hai', 'ward', '48')
                    ON CONFLICT DO NOTHING`);
    const base = {
      procedureCode: 'P1',
      fieldCode: 'F1',
      unitCode: '20275',
      receivedAt: hours(-48),
      finishedAt: null,
      onlineFullProcess: true,
      status: 'dang_xu_ly',
      officer: 'can-bo-a',
      officerEmail: null,
    };
    await new DossierRepository(db).upsertMany(
      [
        { ...base, code: 'H-23', dueAt: hours(23) },
        { ...base, code: 'H-30', dueAt: hours(30) },
        { ...base, code: 'H-DONE', dueAt: hours(5), finishedAt: hours(-1) },
        { ...base, code: 'H-LATE', dueAt: hours(-2) },
      ],
      'push:test',
      NOW,
    );
  });
  afterAll(() => db.close());

  it('warns the officer and the leader once by e-mail and webhook, never again', async () => {
    const mails: [string, DossierWarningMessage][] = [];
    const hooks: DossierWarningMessage[] = [];
    const warnings = new DossierWarnings(db, {
      contacts: {
        officer: (u) =>
          Promise.resolve(u === 'can-bo-a' ? { name: 'Cán bộ A', email: 'a@dn.gov.vn' } : null),
        leaderOf: () => Promise.resolve({ name: 'Lãnh đạo An Hải', email: 'ld@dn.gov.vn' }),
      },
      channels: {
        email: {
          send: (to, m) => (mails.push([to, m]), Promise.resolve({ ok: true, error: null })),
        },
        webhook: { post: (_u, m) => (hooks.push(m), Promise.resolve({ ok: true, error: null })) },
      },
      webhookUrl: 'http://hooks.local/dossiers',
      hours: 24,
      clock: () => NOW,
    });
    expect(await warnings.tick()).toEqual({ sent: 4, failed: 0 });
    expect(mails.map(([to]) => to).sort()).toEqual(['a@dn.gov.vn', 'ld@dn.gov.vn']);
    expect(mails.every(([, m]) => m.subject.includes('H-23'))).toBe(true);
    expect(hooks.map((h) => h.payload.recipient).sort()).toEqual(['leader', 'officer']);
    expect(await warnings.tick()).toEqual({ sent: 0, failed: 0 });
    expect(mails).toHaveLength(2);
  });
});
