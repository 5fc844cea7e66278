export {
  DatasetCatalogueService,
  DEFAULT_WINDOW_DAYS,
  MAX_WINDOW_DAYS,
  type CatalogueDeps,
  type DatasetFile,
} from './catalogue.service';
export { CatalogueRepository } from './catalogue.repository';
export { csvWithBom } from './csv';
export { dcatCatalog } from './dcat';
export { euFrequencyUri, frequencyOfCadences, type UpdateFrequency } from './frequency';
export { OPEN_DATA_PATH, type DatasetFormat } from './datasets';
export { roundGeometry } from './geometry';
