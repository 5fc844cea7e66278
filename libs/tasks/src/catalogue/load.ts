import seed from '../../seed/catalogue.json' with { type: 'json' };
import { taskCatalogueSchema, type TaskCatalogue } from './schema';

export function parseTaskCatalogue(json: unknown): TaskCatalogue {
  return taskCatalogueSchema.parse(json);
}

let cached: TaskCatalogue | undefined;

/**
 * The task catalogue shipped with the platform, imported as a module (as the indicator
 * catalogue is) so that it travels with any bundle of the API.
 */
export function loadTaskCatalogue(): TaskCatalogue {
  cached ??= parseTaskCatalogue(seed);
  return cached;
}
