/**
 * Every example request in docs/open-data.md (lines `GET /…` inside ```http blocks) runs against
 * a platform with published data and answers 200; SensorThings examples answer the shape
 * OGC 18-088 gives them (a collection with entities, an entity, a property, the service root).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDevice, publish, seedReadings, seedStaFixture, series } from '../support/open-data';
import { insertUnit } from '../support/ingest';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const DOC = resolve(import.meta.dirname, '../../docs/open-data.md');

/** The example lines of the doc's ```http blocks, in order. */
function examples(markdown: string): string[] {
  const out: string[] = [];
  let inHttp = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inHttp = !inHttp && line.trim() === '```http';
    else if (inHttp && line.startsWith('GET /')) out.push(line.slice('GET '.length).trim());
  }
  return out;
}

/** As a client sends it: the path as written, each query value percent-encoded. */
function encode(example: string): string {
  const q = example.indexOf('?');
  if (q < 0) return example;
  const query = example
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? pair : `${pair.slice(0, eq)}=${encodeURIComponent(pair.slice(eq + 1))}`;
    })
    .join('&');
  return `${example.slice(0, q)}?${query}`;
}

const list = examples(readFileSync(DOC, 'utf8'));

describe('docs/open-data.md examples', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ SEED_DEMO: 'false' });
    const db = platform.ctx.pool;
    await seedStaFixture(db);
    // The device the doc's single-entity examples name, in Phường Hải Châu.
    await insertUnit(db, '20242', 'Phường Hải Châu');
    await insertDevice(db, {
      id: 'aq-demo-1',
      kind: 'air_quality',
      unitCode: '20242',
      lon: 108.2208,
      lat: 16.0678,
      name: 'Trạm Hải Châu (demo)',
    });
    await publish(db, 'device_kind', 'air_quality', true);
    await seedReadings(
      db,
      'aq-demo-1',
      'pm25',
      series(12, new Date(), 600_000, (i) => 25 + i),
      '20242',
    );
  }, 120_000);

  afterAll(async () => {
    await platform.dispose();
  });

  it('has SensorThings examples', () => {
    expect(list.filter((e) => e.startsWith('/sta/v1.1')).length).toBeGreaterThanOrEqual(10);
  });

  it.each(list)('GET %s', async (example) => {
    const res = await fetch(`${platform.httpUrl}${encode(example)}`);
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBe(200);
    if (!example.startsWith('/sta/v1.1')) return;
    const body = JSON.parse(text) as Record<string, unknown>;
    const path = example.split('?')[0] ?? '';
    if (path === '/sta/v1.1') {
      expect(body.serverSettings).toBeDefined();
      expect(Array.isArray(body.value)).toBe(true);
    } else if (/\/[a-z][A-Za-z]*$/.test(path)) {
      expect(Object.keys(body)).toHaveLength(1); // one property: {"name": …}
    } else if (Array.isArray(body.value)) {
      expect((body.value as unknown[]).length, 'the example shows data').toBeGreaterThan(0);
      for (const e of body.value as Record<string, unknown>[])
        expect(e['@iot.id'] ?? e.name).toBeDefined();
    } else {
      expect(typeof body['@iot.id']).toBe('string');
    }
  });
});
