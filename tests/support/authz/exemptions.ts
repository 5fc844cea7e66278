import type { ProbeInput } from './probe-inputs';

/**
 * Unit-bearing inputs the access gate deliberately does not scope, and why. Each is still
 * probed: a reference input must answer every caller with the action, a destination must
 * never succeed for another province (the domain refuses it) nor fail with a 5xx.
 */
export interface Exemption {
  kind: 'reference' | 'destination';
  why: string;
}

const DESTINATIONS: Readonly<Record<string, string>> = {
  'POST /api/v1/citizen/reports/{id}/transfer body.unitCode':
    'where a ward hands a case on: another unit of the province (the domain refuses any other)',
  'POST /api/v1/citizen/reports/{id}/assign body.officeId':
    'an office of the case’s unit or a department of the province (the domain checks which)',
};

export function exemptionOf(method: string, path: string, input: ProbeInput): Exemption | null {
  if (method === 'GET' && (path === '/api/v1/units' || path.startsWith('/api/v1/units/'))) {
    return {
      kind: 'reference',
      why: 'the unit tree (names, outlines, neighbours) is reference data every reader draws its map with',
    };
  }
  const why = DESTINATIONS[`${method} ${path} ${input.site}.${input.name}`];
  return why === undefined ? null : { kind: 'destination', why };
}
