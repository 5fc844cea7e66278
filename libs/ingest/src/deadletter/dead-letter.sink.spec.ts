import { describe, expect, it } from 'vitest';
import type { DeadLetter, DeadLetterRepository } from './dead-letter.repository';
import { DeadLetterSink } from './dead-letter.sink';

const dbError = (code: string, message: string) => Object.assign(new Error(message), { code });

/** A repository that refuses, like PostgreSQL, any batch holding a row `refuses` matches. */
function fakeRepo(refuses: (d: DeadLetter) => boolean) {
  const stored: DeadLetter[] = [];
  let outage = 0;
  const repo = {
    stored,
    calls: 0,
    failNext(n: number) {
      outage = n;
    },
    insertMany(items: DeadLetter[]): Promise<void> {
      repo.calls++;
      if (outage > 0) {
        outage--;
        return Promise.reject(dbError('ECONNREFUSED', 'connect ECONNREFUSED'));
      }
      if (items.some(refuses))
        return Promise.reject(dbError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'));
      stored.push(...items);
      return Promise.resolve();
    },
  };
  return repo;
}

const row = (detail: string): DeadLetter => ({
  reason: 'unknown_metric',
  detail,
  source: 'ioc/v1/telemetry/d-1',
  deviceId: 'd-1',
  payload: `{"values":{"${detail}":1}}`,
});

describe('DeadLetterSink', () => {
  it('isolates a row the database refuses: the others are written, that one stored escaped', async () => {
    const repo = fakeRepo((d) => (d.detail ?? '').includes('\u0000'));
    const sink = new DeadLetterSink(repo as unknown as DeadLetterRepository, 100, 60_000);
    const settled = [
      sink.add(row('before')),
      sink.add(row('bad\u0000name')),
      sink.add(row('after')),
    ];
    await sink.flush();
    await Promise.all(settled);
    expect(sink.pending).toBe(0);
    expect(repo.stored.map((d) => d.detail)).toEqual([
      'before',
      expect.stringMatching(/^bad\\u0000name \[stored escaped: 22021 invalid byte sequence/),
      'after',
    ]);
    expect(repo.stored[1]?.payload).toMatch(/^base64:/);
    // Later rows are written at once, never behind the poisoned one.
    const later = sink.add(row('later'));
    await sink.flush();
    await later;
    expect(repo.stored.at(-1)?.detail).toBe('later');
  });

  it('drops and counts a row refused even escaped, instead of retrying it forever', async () => {
    const repo = fakeRepo((d) => d.reason.startsWith('poison'));
    const sink = new DeadLetterSink(repo as unknown as DeadLetterRepository, 100, 60_000);
    const settled = [sink.add({ ...row('x'), reason: 'poison' }), sink.add(row('fine'))];
    await sink.flush();
    await Promise.all(settled);
    expect(sink.unstorable).toBe(1);
    expect(sink.pending).toBe(0);
    expect(repo.stored.map((d) => d.detail)).toEqual(['fine']);
  });

  it('keeps every row queued while the database is unreachable, and writes them after', async () => {
    const repo = fakeRepo(() => false);
    const sink = new DeadLetterSink(repo as unknown as DeadLetterRepository, 100, 60_000);
    repo.failNext(1);
    const settled = [sink.add(row('a')), sink.add(row('b'))];
    await sink.flush();
    expect(sink.pending).toBe(2);
    expect(repo.stored).toHaveLength(0);
    await sink.close();
    await Promise.all(settled);
    expect(repo.stored.map((d) => d.detail)).toEqual(['a', 'b']);
  });

  it('drops the oldest rows past its bound, counting them and settling their callers', async () => {
    const repo = fakeRepo(() => false);
    const sink = new DeadLetterSink(repo as unknown as DeadLetterRepository, 2, 60_000);
    const settled = [sink.add(row('1')), sink.add(row('2')), sink.add(row('3'))];
    // The first caller is released at once: its row was dropped, not stored.
    await settled[0];
    expect(sink.overflowed).toBe(1);
    expect(sink.pending).toBe(2);
    await sink.flush();
    await Promise.all(settled);
    expect(repo.stored.map((d) => d.detail)).toEqual(['2', '3']);
  });
});
