import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiConfigSchema } from './api.config';

describe('.env.example', () => {
  it('lists every key of the platform configuration', () => {
    const text = readFileSync(join(__dirname, '../../../.env.example'), 'utf8');
    const listed = new Set(
      text
        .split('\n')
        .map((l) => /^#?\s*([A-Z][A-Z0-9_]+)=/.exec(l)?.[1])
        .filter((k): k is string => k !== undefined),
    );
    const missing = Object.keys(apiConfigSchema.shape).filter((k) => !listed.has(k));
    expect(missing).toEqual([]);
  });
});
