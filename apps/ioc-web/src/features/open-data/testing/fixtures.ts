import type { Dataset, DatasetListResponse } from '@ioc/contracts';

/** A dataset as the public catalogue lists it; fields can be overridden per test. */
export function dataset(over: Partial<Dataset> & Pick<Dataset, 'id'>): Dataset {
  return {
    kind: 'indicator',
    titleVi: 'Bộ dữ liệu',
    titleEn: 'Dataset',
    descriptionVi: '',
    descriptionEn: '',
    keywords: [],
    licence: { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    updateFrequency: 'monthly',
    modified: null,
    distributions: [],
    ...over,
  };
}

export const STA_ROOT = 'https://ioc.example.vn/sta/v1.1';

export function listing(datasets: Dataset[]): DatasetListResponse {
  return {
    publisher: {
      nameVi: 'Ủy ban nhân dân thành phố Đà Nẵng',
      nameEn: 'Da Nang People’s Committee',
    },
    datasets,
    sensorThings: STA_ROOT,
  };
}
