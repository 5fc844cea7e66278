import { z } from 'zod';
import {
  datasetDataQuery,
  datasetDataResponse,
  datasetListResponse,
  datasetParams,
  openDataSettingsBody,
  publicationStateSchema,
  publicationUpdateBody,
} from '../open-data';
import { textBody } from '../platform';
import { PUBLIC, SESSION, ok, route, type RouteContract } from './types';

const ADMIN_TAG = 'Open data (publication)';
const PUBLIC_TAG = 'Open data (public)';

const LIMITS = {
  vi: 'Không cần đăng nhập. Giới hạn theo địa chỉ máy khách (OPEN_DATA_RATE_PER_MIN, OPEN_DATA_BURST_PER_SEC): vượt quá trả 429 với Retry-After. Có thể lưu đệm 60 giây (`Cache-Control: public, max-age=60`), kiểm tra lại bằng ETag / If-None-Match (304).',
  en: 'No sign-in. Limited per client address (OPEN_DATA_RATE_PER_MIN, OPEN_DATA_BURST_PER_SEC): above it 429 with Retry-After. Cacheable for 60 s (`Cache-Control: public, max-age=60`), revalidated with ETag / If-None-Match (304).',
};

const download = (
  format: 'csv' | 'json' | 'geojson',
  operationId: string,
  summary: { vi: string; en: string },
  response: ReturnType<typeof ok>,
): RouteContract =>
  route({
    method: 'GET',
    path: `/api/v1/public/open-data/datasets/{id}/data.${format}`,
    operationId,
    tag: PUBLIC_TAG,
    summary,
    description: LIMITS,
    security: PUBLIC,
    request: {
      params: datasetParams,
      ...(format === 'geojson' ? {} : { query: datasetDataQuery }),
    },
    responses: { 200: response },
    errors: [400, 404, 429],
  });

export const OPEN_DATA_ROUTES: readonly RouteContract[] = [
  route({
    method: 'GET',
    path: '/api/v1/open-data/publication',
    operationId: 'getOpenDataPublication',
    tag: ADMIN_TAG,
    summary: { vi: 'Trạng thái công bố dữ liệu mở', en: 'What is published as open data' },
    security: SESSION,
    responses: { 200: ok(publicationStateSchema) },
  }),
  route({
    method: 'PUT',
    path: '/api/v1/open-data/publication',
    operationId: 'updateOpenDataPublication',
    tag: ADMIN_TAG,
    summary: { vi: 'Bật/tắt công bố', en: 'Publish or withdraw subjects' },
    description: {
      vi: '`public: null` xoá dòng riêng: thiết bị theo lại loại của nó. Khoá không tồn tại: 400 liệt kê từng mục sai.',
      en: '`public: null` removes the own row: a device follows its kind again. Unknown keys: 400 listing every bad entry.',
    },
    security: SESSION,
    request: { body: publicationUpdateBody },
    responses: { 200: ok(publicationStateSchema) },
    errors: [400],
  }),
  route({
    method: 'PATCH',
    path: '/api/v1/open-data/settings',
    operationId: 'updateOpenDataSettings',
    tag: ADMIN_TAG,
    summary: { vi: 'Làm tròn vị trí, giấy phép', en: 'Position rounding and licence' },
    security: SESSION,
    request: { body: openDataSettingsBody },
    responses: { 200: ok(publicationStateSchema) },
    errors: [400],
  }),
  route({
    method: 'GET',
    path: '/api/v1/public/open-data/datasets',
    operationId: 'listOpenDatasets',
    tag: PUBLIC_TAG,
    summary: { vi: 'Danh mục bộ dữ liệu mở', en: 'Open dataset listing' },
    description: LIMITS,
    security: PUBLIC,
    responses: { 200: ok(datasetListResponse) },
    errors: [429],
  }),
  route({
    method: 'GET',
    path: '/api/v1/public/open-data/catalog.jsonld',
    operationId: 'getOpenDataCatalog',
    tag: PUBLIC_TAG,
    summary: { vi: 'Danh mục DCAT (JSON-LD)', en: 'DCAT catalogue (JSON-LD)' },
    description: LIMITS,
    security: PUBLIC,
    responses: {
      200: ok(z.record(z.string(), z.unknown()), 'dcat:Catalog', 'application/ld+json'),
    },
    errors: [429],
  }),
  download(
    'csv',
    'downloadOpenDatasetCsv',
    { vi: 'Tải bộ dữ liệu CSV (UTF-8 có BOM)', en: 'Download a dataset as CSV (UTF-8 with BOM)' },
    ok(textBody, 'CSV', 'text/csv'),
  ),
  download(
    'json',
    'downloadOpenDatasetJson',
    { vi: 'Tải bộ dữ liệu JSON', en: 'Download a dataset as JSON' },
    ok(datasetDataResponse),
  ),
  download(
    'geojson',
    'downloadOpenDatasetGeoJson',
    { vi: 'Tải ranh giới GeoJSON', en: 'Download boundaries as GeoJSON' },
    ok(textBody, 'GeoJSON FeatureCollection', 'application/geo+json'),
  ),
];
