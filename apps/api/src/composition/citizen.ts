import type { Pool } from '@ioc/db';
import type { AuditActor, AuditLog } from '@ioc/auth';
import {
  CitizenAppService,
  CitizenCaseService,
  CitizenCategoryService,
  CitizenIntakeService,
  CitizenPublicService,
  CitizenStatsService,
  WorkHolidayService,
  type IndicatorSink,
  type ResidentNotifier,
} from '@ioc/citizen';
import type { CitizenChanged } from '@ioc/contracts';
import type { UnitDirectory } from '@ioc/geo';
import type { OfficeService } from '@ioc/org';

/** Citizen reports (libs/citizen): the services the API, the CLI and work alerts use. */
export interface CitizenParts {
  intake: CitizenIntakeService<AuditActor>;
  cases: CitizenCaseService<AuditActor>;
  reads: CitizenPublicService;
  stats: CitizenStatsService;
  categories: CitizenCategoryService<AuditActor>;
  holidays: WorkHolidayService<AuditActor>;
  apps: CitizenAppService<AuditActor>;
}

/** What the server plugs into them (the CLI runs without): live pushes, messages, indicators. */
export interface CitizenHooks {
  provinceCode?: string;
  clock?: () => Date;
  onChanged?: (change: CitizenChanged, previousUnitCode?: string) => void;
  notifier?: ResidentNotifier;
  indicators?: IndicatorSink;
  reopenDays?: number;
  publicUrl?: string | undefined;
  onBackgroundError?: (what: 'notify' | 'indicators', err: unknown) => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function citizenParts(
  pool: Pool,
  deps: { units: UnitDirectory; offices: OfficeService<AuditActor>; audit: AuditLog },
  hooks: CitizenHooks = {},
): CitizenParts {
  const { units, offices, audit } = deps;
  const provinceCode = hooks.provinceCode ?? '48';
  const now = hooks.clock;
  const reopenDays = hooks.reopenDays ?? 7;
  const cases = new CitizenCaseService<AuditActor>(pool, {
    units,
    offices,
    audit,
    provinceCode,
    reopenDays,
    ...(now ? { now } : {}),
    ...(hooks.onChanged ? { onChanged: hooks.onChanged } : {}),
    ...(hooks.notifier ? { notifier: hooks.notifier } : {}),
    ...(hooks.indicators ? { indicators: hooks.indicators } : {}),
    ...(hooks.publicUrl ? { publicUrl: hooks.publicUrl } : {}),
    ...(hooks.onBackgroundError ? { onBackgroundError: hooks.onBackgroundError } : {}),
  });
  return {
    intake: new CitizenIntakeService<AuditActor>(pool, {
      units,
      locator: { locate: (lon, lat) => units.locateAsync(lon, lat) },
      provinceCode,
      audit,
      ...(now ? { now } : {}),
      ...(hooks.onChanged ? { onChanged: hooks.onChanged } : {}),
    }),
    cases,
    reads: new CitizenPublicService(pool, { units, reopenDays, ...(now ? { now } : {}) }),
    stats: new CitizenStatsService(pool, { units, ...(now ? { now } : {}) }),
    categories: new CitizenCategoryService<AuditActor>(pool, audit),
    holidays: new WorkHolidayService<AuditActor>(pool, audit),
    apps: new CitizenAppService<AuditActor>(pool, audit),
  };
}

/** The access gate's lookup: the unit a case is with now; undefined for no such case. */
export function citizenReportUnit(
  cases: Pick<CitizenCaseService<AuditActor>, 'unitOf'>,
): (id: string) => Promise<string | undefined> {
  return (id) => (UUID.test(id) ? cases.unitOf(id) : Promise.resolve(undefined));
}
