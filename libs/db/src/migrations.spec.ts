import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DbError } from './db.error';
import { loadMigrations, splitStatements } from './migrations';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ioc-mig-spec-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});
const file = (name: string, sql: string) => {
  writeFileSync(join(dir, name), sql);
};

describe('loadMigrations', () => {
  it('orders by version number and takes the variant of the storage mode', () => {
    file('0010_later.sql', 'SELECT 10;');
    file('0002_b.sql', 'SELECT 2;');
    file('0003_readings.postgres.sql', 'SELECT 3;');
    file('0003_readings.timescaledb.sql', 'SELECT 33;');
    file('README.md', 'not a migration');
    file('0004_Upper.sql', 'not matched: names are lower case');
    const names = (mode: 'postgres' | 'pglite' | 'timescaledb') =>
      loadMigrations(mode, dir).map((m) => m.file);
    expect(names('postgres')).toEqual([
      '0002_b.sql',
      '0003_readings.postgres.sql',
      '0010_later.sql',
    ]);
    // PGlite runs the plain-PostgreSQL variant.
    expect(names('pglite')).toEqual(names('postgres'));
    expect(names('timescaledb')).toEqual([
      '0002_b.sql',
      '0003_readings.timescaledb.sql',
      '0010_later.sql',
    ]);
  });

  it('names, checksums and flags each file', () => {
    const sql = '-- ioc:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (c);\n';
    file('0007_add_index.sql', sql);
    expect(loadMigrations('postgres', dir)).toEqual([
      {
        version: 7,
        name: 'add_index',
        file: '0007_add_index.sql',
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
        noTransaction: true,
      },
    ]);
  });

  it('refuses two files with one version', () => {
    file('0005_one.sql', 'SELECT 1;');
    file('0005_two.sql', 'SELECT 2;');
    expect(() => loadMigrations('postgres', dir)).toThrow(DbError);
    expect(() => loadMigrations('postgres', dir)).toThrow(/share version 0005/);
  });

  it('has no version twice in the shipped migrations, in any mode', () => {
    for (const mode of ['postgres', 'pglite', 'timescaledb'] as const) {
      const versions = loadMigrations(mode).map((m) => m.version);
      expect(new Set(versions).size).toBe(versions.length);
    }
  });
});

describe('splitStatements', () => {
  it('splits at a semicolon that ends a line and drops comment lines', () => {
    expect(
      splitStatements(
        [
          '-- ioc:no-transaction',
          'CREATE INDEX CONCURRENTLY a ON t (x);',
          '-- the second one',
          'CREATE INDEX CONCURRENTLY b',
          '  ON t (y);   ',
          "SELECT 'a;b' AS kept; SELECT 1",
          '',
        ].join('\n'),
      ),
    ).toEqual([
      'CREATE INDEX CONCURRENTLY a ON t (x)',
      'CREATE INDEX CONCURRENTLY b\n  ON t (y)',
      "SELECT 'a;b' AS kept; SELECT 1",
    ]);
  });
});
