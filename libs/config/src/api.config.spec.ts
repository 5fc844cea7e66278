import { describe, expect, it } from 'vitest';
import { ConfigError } from './config.error';
import { apiConfigSchema, loadApiConfig } from './api.config';

describe('loadApiConfig', () => {
  it('gives the embedded defaults on an empty environment', () => {
    const c = loadApiConfig({});
    expect(c.PORT).toBe(8080);
    expect(c.MQTT_PORT).toBe(1883);
    expect(c.DATA_DIR).toBe('./data');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.SIMULATOR).toBe(true);
  });

  it('lists every bad key in one error', () => {
    let err: unknown;
    try {
      loadApiConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SIMULATOR: 'maybe',
        IOC_PROVINCE: '480',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const keys = (err as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(keys.sort()).toEqual(['DATABASE_URL', 'IOC_PROVINCE', 'PORT', 'SIMULATOR']);
  });

  it('has no setting that turns access control off: AUTH_ENFORCE is not a key any more', () => {
    expect(Object.keys(apiConfigSchema.shape)).not.toContain('AUTH_ENFORCE');
    // Unknown keys are ignored like the rest of the process environment (PATH, HOME, …).
    expect(loadApiConfig({ AUTH_ENFORCE: 'false' })).not.toHaveProperty('AUTH_ENFORCE');
  });

  it('treats empty strings as unset and splits lists', () => {
    const c = loadApiConfig({ DATABASE_URL: '', IOC_BOUNDARIES: 'a.geojson, b.geojson' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.IOC_BOUNDARIES).toEqual(['a.geojson', 'b.geojson']);
  });

  it('accepts https style URLs and pmtiles archives as BASEMAP_URL, refuses anything else', () => {
    expect(loadApiConfig({}).BASEMAP_URL).toBeUndefined();
    expect(loadApiConfig({ BASEMAP_URL: 'https://tiles.example.vn/style.json' }).BASEMAP_URL).toBe(
      'https://tiles.example.vn/style.json',
    );
    expect(
      loadApiConfig({ BASEMAP_URL: 'pmtiles://https://tiles.example.vn/vn.pmtiles' }).BASEMAP_URL,
    ).toBe('pmtiles://https://tiles.example.vn/vn.pmtiles');
    for (const bad of [
      'http://tiles.example.vn/style.json',
      'style.json',
      'pmtiles://',
      'javascript:alert(1)',
    ]) {
      expect(() => loadApiConfig({ BASEMAP_URL: bad }), bad).toThrow(/BASEMAP_URL/);
    }
  });

  it('gives the citizen-report limits and takes http(s) URLs for its notifications', () => {
    const c = loadApiConfig({});
    expect([c.CITIZEN_RATE_PER_MIN, c.CITIZEN_RATE_PER_DAY, c.CITIZEN_APP_RATE_PER_MIN]).toEqual([
      10, 60, 600,
    ]);
    expect(c.CITIZEN_REOPEN_DAYS).toBe(7);
    expect(c.CITIZEN_SMS_URL).toBeUndefined();
    const set = loadApiConfig({
      PUBLIC_URL: 'https://ioc.example.vn/',
      CITIZEN_WEBHOOK_URL: 'http://10.0.0.5:9000/hook',
    });
    expect(set.PUBLIC_URL).toBe('https://ioc.example.vn');
    expect(set.CITIZEN_WEBHOOK_URL).toBe('http://10.0.0.5:9000/hook');
    expect(() => loadApiConfig({ CITIZEN_SMS_URL: 'ftp://x' })).toThrow(/CITIZEN_SMS_URL/);
    expect(() => loadApiConfig({ CITIZEN_RATE_PER_MIN: '0' })).toThrow(/CITIZEN_RATE_PER_MIN/);
  });
});

describe('CONNECTOR_SECRET_KEY', () => {
  it('is required in production and checked for 32 bytes', () => {
    expect(() => loadApiConfig({ NODE_ENV: 'production' })).toThrow(/CONNECTOR_SECRET_KEY/);
    expect(() => loadApiConfig({ CONNECTOR_SECRET_KEY: 'short' })).toThrow(/CONNECTOR_SECRET_KEY/);
    const key = 'ab'.repeat(32);
    expect(
      loadApiConfig({ NODE_ENV: 'production', CONNECTOR_SECRET_KEY: key }).CONNECTOR_SECRET_KEY,
    ).toBe(key);
    expect(loadApiConfig({}).CONNECTOR_SECRET_KEY).toBeUndefined();
  });
});

describe('PROCESS_ROLE', () => {
  it('is all by default and takes api, collector and worker with a shared database', () => {
    expect(loadApiConfig({}).PROCESS_ROLE).toBe('all');
    expect(loadApiConfig({}).JOB_LEASE_RETRY_S).toBe(5);
    const db = 'postgres://postgres@127.0.0.1:5432/ioc';
    for (const role of ['api', 'collector', 'worker'] as const) {
      expect(loadApiConfig({ PROCESS_ROLE: role, DATABASE_URL: db }).PROCESS_ROLE).toBe(role);
    }
  });

  it('lists a bad role among the errors', () => {
    let err: unknown;
    try {
      loadApiConfig({ PROCESS_ROLE: 'scheduler', PORT: 'eighty' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const keys = (err as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(keys.sort()).toEqual(['PORT', 'PROCESS_ROLE']);
  });

  it('refuses a role other than all in the embedded mode (no DATABASE_URL)', () => {
    expect(() => loadApiConfig({ PROCESS_ROLE: 'worker' })).toThrow(/PROCESS_ROLE.*DATABASE_URL/);
    expect(loadApiConfig({ PROCESS_ROLE: 'all' }).PROCESS_ROLE).toBe('all');
  });
});
