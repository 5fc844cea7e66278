import { describe, expect, it } from 'vitest';
import { toResponse } from './error.filter';

describe('toResponse', () => {
  it('answers 400, not 500, when PostgreSQL cannot hold the text a client sent', () => {
    for (const code of ['22021', '22P05']) {
      const pg = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
        code,
      });
      expect(toResponse(pg)).toMatchObject({
        status: 400,
        body: { error: { code: 'INPUT_UNSTORABLE' } },
      });
    }
  });

  it('keeps any other unexpected error a 500 that tells nothing', () => {
    expect(toResponse(Object.assign(new Error('boom'), { code: '42P01' }))).toMatchObject({
      status: 500,
      body: { error: { code: 'INTERNAL', message: 'Internal server error' } },
    });
  });
});
