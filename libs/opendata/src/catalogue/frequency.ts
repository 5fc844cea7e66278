import type { updateFrequencies } from '@ioc/contracts';

export type UpdateFrequency = (typeof updateFrequencies)[number];

/** The EU Publications Office frequency vocabulary, which DCAT-AP uses for dct:accrualPeriodicity. */
const EU_FREQUENCY = 'http://publications.europa.eu/resource/authority/frequency/';

const EU_CODES: Record<UpdateFrequency, string> = {
  hourly: 'HOURLY',
  daily: 'DAILY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  yearly: 'ANNUAL',
  irregular: 'IRREG',
};

export function euFrequencyUri(f: UpdateFrequency): string {
  return `${EU_FREQUENCY}${EU_CODES[f]}`;
}

/** Most frequent first: a dataset fed monthly and yearly is updated monthly. */
const ORDER: readonly UpdateFrequency[] = ['hourly', 'daily', 'monthly', 'quarterly', 'yearly'];

/**
 * An indicator's update frequency from the cadences of the feeds that report it (feed.cadence:
 * monthly, quarterly, yearly); none known: irregular.
 */
export function frequencyOfCadences(cadences: readonly string[]): UpdateFrequency {
  return ORDER.find((f) => cadences.includes(f)) ?? 'irregular';
}
