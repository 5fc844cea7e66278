/**
 * Open data (issue 17): nothing that is not published appears on ANY public route. The
 * administrator publishes through the admin API; the test then lists everything public — every
 * SensorThings collection (all pages), the dataset listing, the DCAT catalogue, every download,
 * and the SensorThings MQTT topics — and compares what it saw with the administrator's
 * publication state (GET /api/v1/open-data/publication: the effective `public` of each subject).
 * Then it withdraws a kind and checks again: the routes follow at once.
 */
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetListResponse, publicationStateSchema, type PublicationState } from '@ioc/contracts';
import { allWardPoints, DA_NANG_WARDS } from '../support/citizen';
import { listAll } from '../support/open-data';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { expectNotWithin, waitFor } from '../support/wait';

const STA = '/sta/v1.1';
const OPEN = '/api/v1/public/open-data';
/** SensorThings collections and how an entity's id names its device (null: not per device). */
const COLLECTIONS = {
  Things: (id: string) => id,
  Locations: (id: string) => id,
  HistoricalLocations: (id: string) => id.split(':')[0] ?? '',
  FeaturesOfInterest: (id: string) => id,
  Datastreams: (id: string) => id.split(':')[0] ?? '',
  Observations: (id: string) => id.split(':')[0] ?? '',
  Sensors: null,
  ObservedProperties: null,
} as const;

/** Each collection's navigation properties: the walk also reads every set with all of them expanded. */
const NAVIGATION: Record<keyof typeof COLLECTIONS, string[]> = {
  Things: ['Locations', 'HistoricalLocations', 'Datastreams'],
  Locations: ['Things', 'HistoricalLocations'],
  HistoricalLocations: ['Thing', 'Locations'],
  FeaturesOfInterest: ['Observations'],
  Datastreams: ['Thing', 'Sensor', 'ObservedProperty', 'Observations'],
  Observations: ['Datastream', 'FeatureOfInterest'],
  Sensors: ['Datastreams'],
  ObservedProperties: ['Datastreams'],
};

/** A navigation property's own navigation properties (by the set it leads to). */
const NAVIGATION_OF: Record<string, string[] | undefined> = {
  Thing: NAVIGATION.Things,
  Things: NAVIGATION.Things,
  Locations: NAVIGATION.Locations,
  HistoricalLocations: NAVIGATION.HistoricalLocations,
  FeatureOfInterest: NAVIGATION.FeaturesOfInterest,
  Datastream: NAVIGATION.Datastreams,
  Datastreams: NAVIGATION.Datastreams,
  Observations: NAVIGATION.Observations,
  Sensor: NAVIGATION.Sensors,
  ObservedProperty: NAVIGATION.ObservedProperties,
};

/** Our devices: one public by kind, one opted out of its kind, one public on its own, one not. */
const DEVICES = [
  { id: 'leak-aq-1', kind: 'energy' },
  { id: 'leak-aq-optout', kind: 'energy' },
  { id: 'leak-wl-own', kind: 'weather' },
  { id: 'leak-wl-hidden', kind: 'weather' },
] as const;

describe('open data: nothing unpublished on any public route (embedded, demo catalogue)', () => {
  let platform: TestPlatform;
  const tokens = new Map<string, string>();
  const wards = allWardPoints();

  const adminState = async (): Promise<PublicationState> =>
    publicationStateSchema.parse(
      await (await platform.api('/api/v1/open-data/publication')).json(),
    );
  const publishAs = async (entries: object[]) => {
    const res = await platform.api('/api/v1/open-data/publication', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entries }),
    });
    expect(res.status).toBe(200);
  };
  const postReadings = async (deviceId: string, at: number) => {
    const res = await fetch(`${platform.httpUrl}/api/v1/telemetry`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokens.get(deviceId) ?? ''}`,
      },
      body: JSON.stringify([{ ts: at, values: { pm25: 21.5, temperature: 29.25 } }]),
    });
    expect(res.status).toBe(202);
  };

  /** Everything the public routes show, and the raw text of every answer. */
  async function walkPublicRoutes(): Promise<{
    devices: Set<string>;
    metrics: Set<string>;
    kinds: Set<string>;
    indicators: Set<string>;
    text: string;
  }> {
    const seen = {
      devices: new Set<string>(),
      metrics: new Set<string>(),
      kinds: new Set<string>(),
      indicators: new Set<string>(),
      text: '',
    };
    for (const [set, deviceOf] of Object.entries(COLLECTIONS)) {
      const all = await listAll(platform, `${STA}/${set}?$top=1000`);
      seen.text += JSON.stringify(all);
      for (const e of all) {
        const id = String(e['@iot.id']);
        if (deviceOf) seen.devices.add(deviceOf(id));
        if (set === 'Datastreams' || set === 'Observations')
          seen.metrics.add(id.split(':')[1] ?? '');
        if (set === 'ObservedProperties') seen.metrics.add(id);
        if (set === 'Sensors') seen.kinds.add(id);
      }
      // Expanded, two levels deep: what a set leads to is public only where it is published too.
      const nav = NAVIGATION[set as keyof typeof COLLECTIONS];
      const expand = nav.map((n) => {
        const inner = NAVIGATION_OF[n];
        return inner ? `${n}($expand=${inner.join(',')})` : n;
      });
      const expanded = await listAll(
        platform,
        `${STA}/${set}?$top=1000&$expand=${encodeURIComponent(expand.join(','))}`,
      );
      expect(expanded.map((e) => e['@iot.id'])).toEqual(all.map((e) => e['@iot.id']));
      seen.text += JSON.stringify(expanded);
    }
    const list = datasetListResponse.parse(
      await (await fetch(`${platform.httpUrl}${OPEN}/datasets`)).json(),
    );
    seen.text += JSON.stringify(list);
    seen.text += await (await fetch(`${platform.httpUrl}${OPEN}/catalog.jsonld`)).text();
    for (const d of list.datasets) {
      const [kind, code] = [d.kind, d.id.slice(d.id.indexOf('.') + 1)];
      if (kind === 'indicator') seen.indicators.add(code);
      if (kind === 'metric') seen.metrics.add(code);
      for (const dist of d.distributions) {
        const res = await fetch(dist.url);
        expect(res.status, dist.url).toBe(200);
        seen.text += await res.text();
      }
    }
    return seen;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ IOC_BOUNDARIES: DA_NANG_WARDS });
    for (const [i, d] of DEVICES.entries()) {
      const w = wards[i % wards.length];
      if (!w) throw new Error('no ward point');
      tokens.set(
        d.id,
        await platform.addDevice({ ...d, unitCode: w.code, lon: w.lon, lat: w.lat }),
      );
    }
    const state = await adminState();
    const indicators = state.indicators.map((i) => i.code);
    await publishAs([
      { subject: 'device_kind', key: 'energy', public: true },
      { subject: 'device', key: 'leak-aq-optout', public: false },
      { subject: 'device', key: 'leak-wl-own', public: true },
      { subject: 'metric', key: 'pm25', public: true },
      { subject: 'metric', key: 'temperature', public: false },
      ...indicators.slice(0, 3).map((key) => ({ subject: 'indicator', key, public: true })),
    ]);
    const base = Date.now() - 120_000;
    for (const d of DEVICES) await postReadings(d.id, base);
  }, 240_000);
  afterAll(async () => {
    await platform.dispose();
  });

  it('every public route shows exactly what the administrator published', async () => {
    const state = await adminState();
    const publicDevices = new Set(state.devices.filter((d) => d.public).map((d) => d.id));
    const publicMetrics = new Set(state.metrics.filter((m) => m.public).map((m) => m.code));
    const publicIndicators = new Set(state.indicators.filter((i) => i.public).map((i) => i.code));
    expect([...publicDevices].sort()).toEqual(['leak-aq-1', 'leak-wl-own']);

    const seen = await walkPublicRoutes();
    // Things list every public device; nothing else anywhere names another device.
    expect([...seen.devices].sort()).toEqual([...publicDevices].sort());
    for (const m of seen.metrics) expect(publicMetrics, `metric ${m}`).toContain(m);
    expect(seen.metrics).toContain('pm25');
    expect([...seen.kinds].sort()).toEqual(['energy', 'weather']);
    expect([...seen.indicators].sort()).toEqual([...publicIndicators].sort());
    // The raw text too: no unpublished device id, no unpublished indicator code.
    for (const d of state.devices.filter((x) => !x.public)) {
      expect(seen.text.includes(`"${d.id}`), `device ${d.id} in a public answer`).toBe(false);
      expect(seen.text.includes(`'${d.id}`), `device ${d.id} in a public link`).toBe(false);
    }
    for (const i of state.indicators.filter((x) => !x.public))
      expect(seen.text.includes(`indicator.${i.code}`), `indicator ${i.code}`).toBe(false);
    expect(seen.text).not.toContain(':temperature');
  });

  it('MQTT updates carry only published datastreams', async () => {
    const c = await mqtt.connectAsync(platform.ctx.broker.url, { reconnectPeriod: 0 });
    const topics: string[] = [];
    c.on('message', (topic) => topics.push(topic));
    await c.subscribeAsync('v1.1/#');
    try {
      const at = Date.now() - 60_000;
      for (const d of DEVICES) await postReadings(d.id, at);
      const want = ['leak-aq-1:pm25', 'leak-wl-own:pm25'].map(
        (ds) => `v1.1/Datastreams('${ds}')/Observations`,
      );
      await waitFor(() => (want.every((t) => topics.includes(t)) ? true : undefined), 10_000);
      await expectNotWithin(
        () => topics.some((t) => t.startsWith('v1.1/Datastreams(') && !want.includes(t)),
        500,
        'an unpublished datastream on MQTT',
      );
      expect(topics.filter((t) => t === 'v1.1/Observations')).toHaveLength(2);
    } finally {
      await c.endAsync(true);
    }
  });

  it('withdrawing a kind takes its devices off every route at once', async () => {
    await publishAs([{ subject: 'device_kind', key: 'energy', public: false }]);
    const state = await adminState();
    expect(state.devices.filter((d) => d.public).map((d) => d.id)).toEqual(['leak-wl-own']);
    const seen = await walkPublicRoutes();
    expect([...seen.devices]).toEqual(['leak-wl-own']);
    expect(seen.text.includes('leak-aq-1')).toBe(false);
    expect([...seen.kinds]).toEqual(['weather']);
  });
});
