import { describe, expect, it } from 'vitest';
import { euFrequencyUri, frequencyOfCadences } from './frequency';

describe('update frequency', () => {
  it('takes the most frequent cadence of the feeds, irregular without one', () => {
    expect(frequencyOfCadences(['yearly', 'monthly', 'quarterly'])).toBe('monthly');
    expect(frequencyOfCadences(['quarterly', 'yearly'])).toBe('quarterly');
    expect(frequencyOfCadences([])).toBe('irregular');
    expect(frequencyOfCadences(['weekly?'])).toBe('irregular');
  });

  it('names the EU frequency vocabulary URIs (yearly is ANNUAL, irregular IRREG)', () => {
    const base = 'http://publications.europa.eu/resource/authority/frequency/';
    expect(euFrequencyUri('yearly')).toBe(`${base}ANNUAL`);
    expect(euFrequencyUri('irregular')).toBe(`${base}IRREG`);
    expect(euFrequencyUri('hourly')).toBe(`${base}HOURLY`);
  });
});
