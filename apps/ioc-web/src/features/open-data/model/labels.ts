import type { datasetFormats, datasetKinds, updateFrequencies } from '@ioc/contracts';
import type { MessageKey } from '../../../shared/i18n/translate';

// Message keys of the catalogue's enumerations, spelled out so each one is type-checked.

export const KIND_KEYS: Record<(typeof datasetKinds)[number], MessageKey> = {
  indicator: 'openData.kind.indicator',
  metric: 'openData.kind.metric',
  boundaries: 'openData.kind.boundaries',
};

export const FREQUENCY_KEYS: Record<(typeof updateFrequencies)[number], MessageKey> = {
  hourly: 'openData.freq.hourly',
  daily: 'openData.freq.daily',
  monthly: 'openData.freq.monthly',
  quarterly: 'openData.freq.quarterly',
  yearly: 'openData.freq.yearly',
  irregular: 'openData.freq.irregular',
};

export const FORMAT_KEYS: Record<(typeof datasetFormats)[number], MessageKey> = {
  csv: 'openData.format.csv',
  json: 'openData.format.json',
  geojson: 'openData.format.geojson',
};
