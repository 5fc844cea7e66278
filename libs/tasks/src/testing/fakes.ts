import type { AuditEvent } from '@ioc/contracts';
import type { Queryable } from '@ioc/db';
import type { TaskOffices, TaskUnits } from '../ports';

// Test-only ports: a small unit tree (Đà Nẵng 48 with two wards) and offices in memory.

const TREE: Record<string, { name: string; below: string[] }> = {
  '48': { name: 'Thành phố Đà Nẵng', below: ['48', '20275', '20314'] },
  '75': { name: 'Tỉnh Đồng Nai', below: ['75'] },
  '20275': { name: 'Phường An Hải', below: ['20275'] },
  '20314': { name: 'Phường Hải Châu', below: ['20314'] },
};

export const fakeUnits: TaskUnits = {
  exists: (code) => Promise.resolve(code in TREE),
  selfAndDescendants: (code) => Promise.resolve(TREE[code]?.below ?? []),
  get: (code) => Promise.resolve(TREE[code] ? { name: TREE[code].name } : null),
};

/**
 * Offices by id → unit; ensureForLead makes `<unit>.o<n>` for each single agency
 * (stored in the office table too: tasks reference it).
 */
export function fakeOffices(db: Queryable): TaskOffices & { units: Map<string, string> } {
  const units = new Map<string, string>();
  const names = new Map<string, string>();
  const ids = new Map<string, string>();
  return {
    units,
    unitOf: (id) => Promise.resolve(units.get(id)),
    namesOf: (ids) =>
      Promise.resolve(
        new Map(ids.flatMap((id) => (names.has(id) ? [[id, names.get(id) as string]] : []))),
      ),
    ensureForLead: async (unit, lead) => {
      if (lead === null || lead.includes(';')) return null;
      const id = ids.get(`${unit}/${lead}`) ?? `${unit}.o${ids.size + 1}`;
      ids.set(`${unit}/${lead}`, id);
      units.set(id, unit);
      names.set(id, lead);
      await db.query(
        'INSERT INTO office (id, unit_code, name_vi) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [id, unit, lead],
      );
      return id;
    },
  };
}

export function auditSpy(): {
  events: AuditEvent[];
  record: (a: unknown, e: AuditEvent) => Promise<void>;
} {
  const events: AuditEvent[] = [];
  return {
    events,
    record: (_a, e) => {
      events.push(e);
      return Promise.resolve();
    },
  };
}
