import { DomainError } from '@ioc/contracts';
import type { FastifyRequest } from 'fastify';
import type { UnitSource } from './access.decorators';
import type { ResourceLookups } from './resource-lookups';

const UNIT_CODE = /^[0-9A-Za-z_-]{1,16}$/;

/** The unit(s) a request names; [] when none; undefined when a lookup found no resource. */
export async function unitsOf(
  source: UnitSource,
  req: FastifyRequest,
  lookups: ResourceLookups,
): Promise<string[] | undefined> {
  let value: unknown;
  switch (source.from) {
    case 'query':
      value = (req.query as Record<string, unknown> | undefined)?.[source.name];
      break;
    case 'param':
      value = (req.params as Record<string, unknown> | undefined)?.[source.name];
      break;
    case 'body':
      value =
        typeof req.body === 'object' && req.body !== null && !Buffer.isBuffer(req.body)
          ? (req.body as Record<string, unknown>)[source.name]
          : undefined;
      break;
    case 'lookup': {
      const found = await source.resolve(req, lookups);
      if (found === undefined) return undefined;
      if (found === null) return [];
      value = found;
    }
  }
  return normaliseUnits(value);
}

function normaliseUnits(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const parts =
    typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const p of parts) {
    if (typeof p !== 'string' || !UNIT_CODE.test(p.trim())) {
      throw new DomainError(
        'invalid',
        'UNIT_INVALID',
        'unit must be a unit code or a comma-separated list of them',
      );
    }
    out.push(p.trim());
  }
  return out;
}
