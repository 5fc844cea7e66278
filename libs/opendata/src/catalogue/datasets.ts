import type { Dataset, datasetFormats } from '@ioc/contracts';
import type { IndicatorSummary, MetricSummary, ProvinceSummary } from './catalogue.repository';
import { frequencyOfCadences } from './frequency';

export type DatasetFormat = (typeof datasetFormats)[number];

/** Where the public catalogue lives, below the API's origin. */
export const OPEN_DATA_PATH = '/api/v1/public/open-data';

export const MEDIA_TYPES: Record<DatasetFormat, string> = {
  csv: 'text/csv',
  json: 'application/json',
  geojson: 'application/geo+json',
};

export interface Licence {
  id: string;
  url: string;
}

function distributions(base: string, id: string, formats: readonly DatasetFormat[]) {
  return formats.map((format) => ({
    format,
    mediaType: MEDIA_TYPES[format],
    url: `${base}${OPEN_DATA_PATH}/datasets/${id}/data.${format}`,
  }));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Formats each kind of dataset is offered in. */
export const FORMATS: Record<Dataset['kind'], readonly DatasetFormat[]> = {
  indicator: ['csv', 'json'],
  metric: ['csv', 'json'],
  boundaries: ['geojson'],
};

export function indicatorDataset(base: string, i: IndicatorSummary, licence: Licence): Dataset {
  const id = `indicator.${i.code}`;
  return {
    id,
    kind: 'indicator',
    titleVi: i.nameVi,
    titleEn: i.nameEn,
    descriptionVi: `Giá trị chỉ tiêu “${i.nameVi}” theo đơn vị hành chính và kỳ báo cáo (chỉ giá trị hiện hành; đơn vị tính: ${unitLabel(i.unit).vi}).`,
    descriptionEn: `Values of the indicator “${i.nameEn}” per administrative unit and reporting period (current values only; unit: ${unitLabel(i.unit).en}).`,
    keywords: ['chỉ tiêu', 'indicator', 'Nghị quyết 57', i.domain],
    licence,
    updateFrequency: frequencyOfCadences(i.cadences),
    modified: iso(i.modified),
    distributions: distributions(base, id, FORMATS.indicator),
  };
}

export function metricDataset(base: string, m: MetricSummary, licence: Licence): Dataset {
  const id = `metric.${m.code}`;
  return {
    id,
    kind: 'metric',
    titleVi: `${m.nameVi} — trung bình theo giờ theo phường, xã`,
    titleEn: `${m.nameEn} — hourly means per ward and commune`,
    descriptionVi: `Trung bình, nhỏ nhất, lớn nhất và số lần đo ${m.nameVi} (${m.uom}) theo từng giờ và từng phường, xã, từ các thiết bị được công bố. Mặc định 30 ngày gần nhất; chọn khoảng bằng ?from=&to= (tối đa 366 ngày).`,
    descriptionEn: `Hourly mean, minimum, maximum and count of ${m.nameEn} (${m.uom}) per ward and commune, over the published devices. The last 30 days by default; pick a window with ?from=&to= (at most 366 days).`,
    keywords: ['cảm biến', 'sensor', m.category, m.code],
    licence,
    updateFrequency: 'hourly',
    modified: iso(m.modified),
    distributions: distributions(base, id, FORMATS.metric),
  };
}

export function boundariesDataset(base: string, p: ProvinceSummary, licence: Licence): Dataset {
  const id = `boundaries.${p.code}`;
  const nameEn = p.nameEn ?? p.name;
  return {
    id,
    kind: 'boundaries',
    titleVi: `Ranh giới phường, xã — ${p.name}`,
    titleEn: `Ward and commune boundaries — ${nameEn}`,
    descriptionVi: `Ranh giới các phường, xã, đặc khu của ${p.name} (GeoJSON, WGS 84, toạ độ làm tròn 5 chữ số thập phân ≈ 1 m).`,
    descriptionEn: `Boundaries of the wards, communes and special zones of ${nameEn} (GeoJSON, WGS 84, coordinates rounded to 5 decimals ≈ 1 m).`,
    keywords: ['ranh giới hành chính', 'administrative boundaries', 'GeoJSON'],
    licence,
    updateFrequency: 'irregular',
    modified: iso(p.modified),
    distributions: distributions(base, id, FORMATS.boundaries),
  };
}

/** Indicator units (migration 0010's list) as a reader says them; an unknown code stays as is. */
const UNIT_LABELS: Readonly<Record<string, { vi: string; en: string }>> = {
  percent: { vi: '%', en: '%' },
  count: { vi: 'số lượng', en: 'count' },
  index: { vi: 'chỉ số', en: 'index' },
  rank: { vi: 'thứ hạng', en: 'rank' },
  per_10k_people: { vi: 'trên 10.000 dân', en: 'per 10,000 people' },
  per_1k_people: { vi: 'trên 1.000 dân', en: 'per 1,000 people' },
  per_person: { vi: 'trên người', en: 'per person' },
  percent_of_grdp: { vi: '% GRDP', en: '% of GRDP' },
  percent_of_budget: { vi: '% ngân sách', en: '% of budget' },
  percent_per_year: { vi: '%/năm', en: '% per year' },
  milestone: { vi: 'mốc hoàn thành (đạt/chưa đạt)', en: 'milestone (reached or not)' },
};
function unitLabel(unit: string): { vi: string; en: string } {
  return UNIT_LABELS[unit] ?? { vi: unit, en: unit };
}
