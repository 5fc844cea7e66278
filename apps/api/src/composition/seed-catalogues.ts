import { Logger } from '@nestjs/common';
import type { ApiConfig } from '@ioc/config';
import type { StoreServices } from './services';

const log = new Logger('platform');

/**
 * The Resolution 57 indicator catalogue (with demo reports when the config seeds the demo) and
 * the plans' task catalogue; each run adds only what is missing and says what it added.
 */
export async function seedCatalogues(
  store: Pick<StoreServices, 'indicatorSeed' | 'taskSeed'>,
  config: ApiConfig,
): Promise<void> {
  const seeded = await store.indicatorSeed.seed({
    province: config.IOC_PROVINCE,
    demo: config.SEED_DEMO,
  });
  if (seeded.catalogue.indicators + seeded.catalogue.targets > 0 || seeded.demo) {
    log.log(
      `indicators: catalogue +${seeded.catalogue.indicators} indicators, +${seeded.catalogue.targets} targets; demo reports: ${seeded.demo?.rows ?? 0} rows`,
    );
  }
  const tasksSeeded = await store.taskSeed.seed();
  if (tasksSeeded.tasks > 0) log.log(`tasks: catalogue +${tasksSeeded.tasks} tasks`);
}
