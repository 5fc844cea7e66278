import { datasetListResponse, type DatasetListResponse } from '@ioc/contracts';
import { call } from '../../../shared/api/call';

// The open-data page is public: it sends no credential (`token: null`), so a visitor's stale
// session can neither be leaked to nor signed out by it. Answers are parsed with the contract.

export const DATASETS_PATH = '/api/v1/public/open-data/datasets';
/** The same datasets as a DCAT-style JSON-LD catalogue, for harvesters (data portals). */
export const CATALOG_PATH = '/api/v1/public/open-data/catalog.jsonld';

export async function fetchDatasets(signal?: AbortSignal): Promise<DatasetListResponse> {
  return datasetListResponse.parse(await call('GET', DATASETS_PATH, { token: null, signal }));
}
