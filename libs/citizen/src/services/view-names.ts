import type { CitizenCategoryView } from '@ioc/contracts';
import type { CitizenOffices, CitizenUnits } from '../ports';
import type { CategoryRepository } from '../repo/category.repository';
import type { ViewNames } from '../views/case-view';

/** Loads the names a batch of views needs: categories (all, a small table), units, offices. */
export async function loadViewNames(
  categories: CategoryRepository,
  units: Pick<CitizenUnits, 'get'>,
  offices: Pick<CitizenOffices, 'namesOf'> | null,
  unitCodes: readonly string[],
  officeIds: readonly (string | null)[],
): Promise<ViewNames> {
  const cats = new Map<string, CitizenCategoryView>(
    (await categories.list(false)).map((c) => [c.code, c]),
  );
  const unitNames = new Map<string, string>();
  for (const code of new Set(unitCodes)) {
    unitNames.set(code, (await units.get(code))?.name ?? code);
  }
  const ids = [...new Set(officeIds.filter((id): id is string => id !== null))];
  const officeNames: ReadonlyMap<string, string> =
    offices && ids.length > 0 ? await offices.namesOf(ids) : new Map<string, string>();
  return {
    category: (code) => {
      const c = cats.get(code);
      return c
        ? { code: c.code, nameVi: c.nameVi, nameEn: c.nameEn, icon: c.icon }
        : { code, nameVi: code, nameEn: code, icon: '' };
    },
    unit: (code) => unitNames.get(code) ?? code,
    office: (id) => (id === null ? null : (officeNames.get(id) ?? id)),
  };
}
