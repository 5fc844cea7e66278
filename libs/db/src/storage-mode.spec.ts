import { describe, expect, it } from 'vitest';
import type { Queryable } from './queryable';
import { detectStorageMode } from './storage-mode';

/** A server that answers the extension probe with these flags. */
const server = (available: boolean, preloaded: boolean): Queryable => ({
  query: () => Promise.resolve({ rows: [{ available, preloaded }] as never[], rowCount: 1 }),
});

describe('detectStorageMode', () => {
  it('chooses TimescaleDB only when the extension is both installed and preloaded', async () => {
    expect(await detectStorageMode(server(true, true), false)).toBe('timescaledb');
    // Installed but not in shared_preload_libraries: CREATE EXTENSION would fail.
    expect(await detectStorageMode(server(true, false), false)).toBe('postgres');
    expect(await detectStorageMode(server(false, false), false)).toBe('postgres');
  });

  it('knows PGlite from how the process started, without asking the server', async () => {
    const unasked: Queryable = { query: () => Promise.reject(new Error('not asked')) };
    expect(await detectStorageMode(unasked, true)).toBe('pglite');
  });
});
