export { loadTaskCatalogue, parseTaskCatalogue } from './catalogue/load';
export type { CatalogueSource, CatalogueTask, TaskCatalogue } from './catalogue/schema';
export { sniffEvidenceType, type EvidenceType } from './evidence/file-type';
export type { TaskActor, TaskChanged, TaskOffices, TaskUnits } from './ports';
export { TaskRepository } from './repo/task.repository';
export { UpdateRepository } from './repo/update.repository';
export { TaskSeedService, fromCatalogue, type TaskSeedResult } from './services/seed.service';
export {
  TaskProgressService,
  nextState,
  type EvidenceUpload,
} from './services/task-progress.service';
export { TaskService, type TaskServiceOptions } from './services/task.service';
export { monthRange, statusAt, taskStatus, vnDay, vnMonth, type StoredTaskStatus } from './status';
