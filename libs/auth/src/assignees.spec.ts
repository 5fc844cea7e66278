import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedPglite, type DisposableDb } from '@ioc/db';
import { AssigneeDirectory } from './assignees';
import { UsersRepository } from './users.repository';

// Two wards of one province, and a ward of another.
const PARENTS: Record<string, string> = { '20314': '48', '20320': '48', '26734': '79' };

describe('AssigneeDirectory', () => {
  let db: DisposableDb;
  let people: AssigneeDirectory;

  beforeAll(async () => {
    db = await createMigratedPglite();
    const users = new UsersRepository(db);
    const add = (username: string, role: 'ward_operator' | 'province_operator', units: string[]) =>
      users.insert({
        username,
        displayName: username.toUpperCase(),
        passwordHash: 'x',
        role,
        units,
        email: `${username}@example.vn`,
        phone: '+84900000000',
      });
    await add('own', 'ward_operator', ['20314']);
    await add('neighbour', 'ward_operator', ['20320']);
    await add('province', 'province_operator', ['48']);
    await add('elsewhere', 'province_operator', ['79']);
    const gone = await add('gone', 'ward_operator', ['20314']);
    await db.query('UPDATE app_user SET disabled_at = now() WHERE id = $1', [gone.id]);
    people = new AssigneeDirectory(db, { parentOf: (code) => PARENTS[code] ?? null });
  });

  afterAll(async () => {
    await db.close();
  });

  it("offers the unit's and its ancestors' active people, by display name, without contacts", async () => {
    expect(await people.forUnit('20314')).toEqual([
      { username: 'own', displayName: 'OWN', role: 'ward_operator' },
      { username: 'province', displayName: 'PROVINCE', role: 'province_operator' },
    ]);
  });

  it('offers a province-wide unit only the people who hold it', async () => {
    expect((await people.forUnit('48')).map((p) => p.username)).toEqual(['province']);
  });

  it('offers nobody for an alert without a unit', async () => {
    expect(await people.forUnit(null)).toEqual([]);
  });
});
