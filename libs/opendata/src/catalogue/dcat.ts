import type { Dataset, DatasetListResponse } from '@ioc/contracts';
import { euFrequencyUri } from './frequency';
import { OPEN_DATA_PATH } from './datasets';

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const IANA = 'https://www.iana.org/assignments/media-types/';

function bilingual(vi: string, en: string) {
  return [
    { '@value': vi, '@language': 'vi' },
    { '@value': en, '@language': 'en' },
  ];
}

function dateTime(iso: string) {
  return { '@value': iso, '@type': 'xsd:dateTime' };
}

function dataset(catalogId: string, d: Dataset) {
  return {
    '@id': `${catalogId}#${d.id}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': d.id,
    'dct:title': bilingual(d.titleVi, d.titleEn),
    'dct:description': bilingual(d.descriptionVi, d.descriptionEn),
    'dcat:keyword': d.keywords,
    'dct:license': { '@id': d.licence.url },
    'dct:accrualPeriodicity': { '@id': euFrequencyUri(d.updateFrequency) },
    ...(d.modified ? { 'dct:modified': dateTime(d.modified) } : {}),
    'dcat:distribution': d.distributions.map((x) => ({
      '@type': 'dcat:Distribution',
      'dcat:downloadURL': { '@id': x.url },
      'dcat:accessURL': { '@id': x.url },
      'dcat:mediaType': { '@id': `${IANA}${x.mediaType}` },
      'dct:format': x.format.toUpperCase(),
      'dct:license': { '@id': d.licence.url },
    })),
  };
}

/**
 * The catalogue as DCAT (W3C Data Catalog Vocabulary) in JSON-LD, as DCAT-AP harvesters (CKAN's
 * ckanext-dcat, data.europa.eu) read it: dcat:Catalog → dcat:Dataset → dcat:Distribution, with
 * dct:license, dct:accrualPeriodicity from the EU frequency vocabulary and dct:modified; the
 * SensorThings API is listed as a dcat:DataService.
 */
export function dcatCatalog(base: string, list: DatasetListResponse): Record<string, unknown> {
  const catalogId = `${base}${OPEN_DATA_PATH}/catalog.jsonld`;
  const modified = list.datasets
    .map((d) => d.modified)
    .filter((m): m is string => m !== null)
    .sort()
    .at(-1);
  return {
    '@context': CONTEXT,
    '@id': catalogId,
    '@type': 'dcat:Catalog',
    'dct:title': bilingual('Dữ liệu mở', 'Open data'),
    'dct:description': bilingual(
      `Dữ liệu mở của ${list.publisher.nameVi}: chỉ tiêu, số liệu cảm biến và ranh giới hành chính.`,
      `Open data of the ${list.publisher.nameEn}: indicators, sensor data and administrative boundaries.`,
    ),
    'dct:language': ['vi', 'en'],
    'foaf:homepage': { '@id': `${base}/du-lieu-mo` },
    'dct:publisher': {
      '@type': 'foaf:Agent',
      'foaf:name': bilingual(list.publisher.nameVi, list.publisher.nameEn),
    },
    ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
    'dcat:dataset': list.datasets.map((d) => dataset(catalogId, d)),
    'dcat:service': [
      {
        '@id': list.sensorThings,
        '@type': 'dcat:DataService',
        'dct:title': bilingual('OGC SensorThings API 1.1', 'OGC SensorThings API 1.1'),
        'dcat:endpointURL': { '@id': list.sensorThings },
        'dct:conformsTo': { '@id': 'http://www.opengis.net/doc/is/sensorthings/1.1' },
      },
    ],
  };
}
