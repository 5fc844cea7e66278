import { describe, expect, it } from 'vitest';
import { senmlDecoder, type SenmlContext } from './senml.decoder';

const now = new Date('2026-03-01T01:00:00Z');
const BT = 1772326800; // now, in SenML seconds
const ctx: SenmlContext = { deviceId: 'aq-1', now };

const one = (record: Record<string, unknown>, c: SenmlContext = ctx) =>
  senmlDecoder.decode([record], c);

describe('senmlDecoder: names, base fields and time', () => {
  it('resolves bn + n, carries base fields over and adds t to bt', () => {
    const r = senmlDecoder.decode(
      [
        { bn: 'urn:dev:ops:aq-1:', bt: BT, bu: 'ug/m3', n: 'pm2_5', v: 41.2 },
        { n: 'pm10', v: 80, t: 60 },
        { n: 'temp', u: 'Cel', v: 30.5, t: -120 },
      ],
      ctx,
    );
    expect(r.rejects).toEqual([]);
    expect(r.readings).toEqual([
      {
        deviceId: 'aq-1',
        metric: 'pm25',
        value: 41.2,
        uom: 'µg/m³',
        time: new Date('2026-03-01T01:00:00Z'),
      },
      {
        deviceId: 'aq-1',
        metric: 'pm10',
        value: 80,
        uom: 'µg/m³',
        time: new Date('2026-03-01T01:01:00Z'),
      },
      {
        deviceId: 'aq-1',
        metric: 'temperature',
        value: 30.5,
        uom: '°C',
        time: new Date('2026-03-01T00:58:00Z'),
      },
    ]);
  });

  it('treats resolved times below 2^28 as relative to now, and 0 as "now" (left undefined)', () => {
    const r = senmlDecoder.decode(
      [
        { bt: -300, n: 'temp', v: 30 },
        { n: 'hum', v: 80, t: 240 },
        { bt: 0, n: 'pm25', v: 12 },
      ],
      ctx,
    );
    expect(r.readings.map((x) => x.time?.toISOString())).toEqual([
      '2026-03-01T00:55:00.000Z',
      '2026-03-01T00:59:00.000Z',
      undefined,
    ]);
  });

  it('adds bv to v', () => {
    expect(
      senmlDecoder.decode([{ bv: 100, n: 'water_level', v: -98.5 }], ctx).readings[0]?.value,
    ).toBe(1.5);
  });

  it('uses the configurable name map before the default aliases', () => {
    const c = { ...ctx, nameMap: { 'urn:dev:ops:aq-1:s1': 'no2', t2: 'temperature' } };
    const r = senmlDecoder.decode(
      [
        { bn: 'urn:dev:ops:aq-1:', n: 's1', v: 40 },
        { n: 't2', v: 20 },
        { n: 'Humidity', v: 70 },
        { n: 'lux', v: 3 },
      ],
      c,
    );
    expect(r.readings.map((x) => x.metric)).toEqual(['no2', 'temperature', 'humidity', 'lux']);
  });

  it('settles ambiguous aliases by unit: battery in V is battery_v, in %EL it is battery', () => {
    const r = senmlDecoder.decode(
      [
        { n: 'battery', u: 'V', v: 3.6 },
        { n: 'battery', u: '%EL', v: 88 },
        { n: 'bat', u: 'mV', v: 3600 },
      ],
      ctx,
    );
    expect(r.readings.map((x) => [x.metric, x.value])).toEqual([
      ['battery_v', 3.6],
      ['battery', 88],
      ['battery_v', 3.6],
    ]);
  });
});

describe('senmlDecoder: units', () => {
  const cases: [string, string, number, string, number][] = [
    ['temperature', 'K', 293.15, 'temperature', 20],
    ['hum', '%RH', 81, 'humidity', 81],
    ['humidity', '/', 0.81, 'humidity', 81],
    ['pressure', 'Pa', 101325, 'pressure', 1013.25],
    ['pressure', 'kPa', 101.3, 'pressure', 1013],
    ['water_level', 'cm', 250, 'water_level', 2.5],
    ['water_level', 'mm', 1500, 'water_level', 1.5],
    ['rainfall', 'cm', 1.2, 'rainfall', 12],
    ['rainfall', 'm', 0.004, 'rainfall', 4],
    ['wind_speed', 'km/h', 36, 'wind_speed', 10],
    ['avg_speed', 'm/s', 10, 'avg_speed', 36],
    ['noise', 'dB', 65, 'noise_laeq', 65],
    ['rssi', 'dBW', -130, 'rssi', -100],
    ['rssi', 'dBm', -100, 'rssi', -100],
    ['wind_dir', 'rad', Math.PI, 'wind_direction', 180],
    ['power', 'W', 1500, 'power_kw', 1.5],
    ['energy', 'Wh', 2500, 'energy_kwh', 2.5],
  ];
  it.each(cases)('%s in %s converts to the canonical unit', (n, u, v, metric, expected) => {
    const r = one({ n, u, v });
    expect(r.rejects).toEqual([]);
    expect(r.readings[0]?.metric).toBe(metric);
    expect(r.readings[0]?.value).toBeCloseTo(expected, 9);
  });

  it('refuses a unit that does not measure the metric', () => {
    const r = one({ n: 'temp', u: 'Pa', v: 1 });
    expect(r.readings).toEqual([]);
    expect(r.rejects).toEqual([
      expect.objectContaining({ reason: 'unit_conversion', deviceId: 'aq-1', index: 0 }),
    ]);
  });

  it('keeps the unit as sent for metrics outside the catalogue (validation refuses them)', () => {
    expect(one({ n: 'lux', u: 'lx', v: 3 }).readings[0]?.uom).toBe('lx');
  });

  it('leaves uom unset when no unit was sent', () => {
    expect(one({ n: 'pm25', v: 3 }).readings[0]).not.toHaveProperty('uom');
  });
});

describe('senmlDecoder: values', () => {
  it('maps vb to 1/0 for boolean metrics only', () => {
    const r = senmlDecoder.decode(
      [
        { n: 'wifi_up', vb: true },
        { n: 'speaker_up', vb: false },
        { n: 'temperature', vb: true },
      ],
      ctx,
    );
    expect(r.readings.map((x) => [x.metric, x.value])).toEqual([
      ['wifi_up', 1],
      ['speaker_up', 0],
    ]);
    expect(r.rejects.map((x) => [x.reason, x.index])).toEqual([['not_numeric', 2]]);
  });

  it('refuses string and data values, and a non-numeric v', () => {
    const r = senmlDecoder.decode(
      [
        { n: 'pm25', vs: '41' },
        { n: 'pm25', vd: 'aGk=' },
        { n: 'pm25', v: '41' },
      ],
      ctx,
    );
    expect(r.rejects.map((x) => x.reason)).toEqual(['not_numeric', 'not_numeric', 'not_numeric']);
  });

  it('takes base-only records as context, and refuses valueless or must-understand records', () => {
    const r = senmlDecoder.decode(
      [{ bn: 'aq-1/', bver: 10 }, { n: 'pm25' }, { n: 'pm25', v: 1, foo_: 1 }, { n: 'pm25', v: 2 }],
      ctx,
    );
    expect(r.readings.map((x) => x.value)).toEqual([2]);
    expect(r.rejects.map((x) => [x.reason, x.index])).toEqual([
      ['bad_shape', 1],
      ['bad_shape', 2],
    ]);
  });

  it('refuses a pack that is not an array', () => {
    expect(senmlDecoder.decode({ n: 'pm25', v: 1 }, ctx).rejects.map((x) => x.reason)).toEqual([
      'bad_shape',
    ]);
  });
});

describe('senmlDecoder: device identity', () => {
  it('lets the credential device win when the pack names it (plain, URN or alias)', () => {
    const c = { ...ctx, deviceAliases: ['urn:dev:mac:0024befffe804ff1'] };
    const r = senmlDecoder.decode(
      [
        { bn: 'aq-1:', n: 'pm25', v: 1 },
        { bn: 'urn:dev:ops:aq-1:', n: 'pm25', v: 2 },
        { bn: 'urn:dev:mac:0024befffe804ff1:', n: 'pm25', v: 3 },
        { bn: '', n: 'pm25', v: 4 },
      ],
      c,
    );
    expect(r.rejects).toEqual([]);
    expect(r.readings.map((x) => x.deviceId)).toEqual(['aq-1', 'aq-1', 'aq-1', 'aq-1']);
  });

  it('refuses records naming another device as topic_not_owned, keeping the rest', () => {
    const r = senmlDecoder.decode(
      [
        { bn: 'urn:dev:ops:aq-2:', n: 'pm25', v: 1 },
        { bn: 'urn:dev:ops:aq-1:', n: 'pm25', v: 2 },
      ],
      ctx,
    );
    expect(r.readings.map((x) => x.value)).toEqual([2]);
    expect(r.rejects).toEqual([
      expect.objectContaining({ reason: 'topic_not_owned', deviceId: 'aq-1', index: 0 }),
    ]);
  });

  it('takes the device from the name when no credential identifies it', () => {
    const r = senmlDecoder.decode(
      [
        { bn: 'urn:dev:mac:0024befffe804ff1:', n: 'temp', v: 20 },
        { bn: '', n: 'temp', v: 21 },
      ],
      { now },
    );
    expect(r.readings.map((x) => x.deviceId)).toEqual(['0024befffe804ff1']);
    expect(r.rejects.map((x) => x.reason)).toEqual(['unknown_device']);
  });
});

describe('senmlDecoder: names that are only a device URN (RFC 8428 section 5.1)', () => {
  const owner: SenmlContext = { deviceId: '10e2073a01080063', now };

  it('reads a device URN with a unit as that device measuring what the unit says', () => {
    // RFC 8428 section 5.1.1, verbatim.
    const r = senmlDecoder.decode([{ n: 'urn:dev:ow:10e2073a01080063', u: 'Cel', v: 23.1 }], owner);
    expect(r.rejects).toEqual([]);
    expect(r.readings).toEqual([
      {
        deviceId: '10e2073a01080063',
        metric: 'temperature',
        value: 23.1,
        uom: '°C',
        time: undefined,
      },
    ]);
  });

  it('puts lat/lon records onto the measurement of the same time and reads %EL as battery', () => {
    // RFC 8428 section 5.1.3 (first three instants and the battery record).
    const r = senmlDecoder.decode(
      [
        { bn: 'urn:dev:ow:10e2073a01080063', bt: 1.320067464e9, bu: '%RH', v: 20 },
        { u: 'lon', v: 24.30621 },
        { u: 'lat', v: 60.07965 },
        { t: 60, v: 20.3 },
        { u: 'lon', t: 60, v: 24.30622 },
        { u: 'lat', t: 60, v: 60.07965 },
        { u: '%EL', t: 150, v: 98 },
      ],
      owner,
    );
    expect(r.rejects).toEqual([]);
    expect(r.readings.map((x) => [x.metric, x.value, x.time?.toISOString(), x.position])).toEqual([
      ['humidity', 20, '2011-10-31T13:24:24.000Z', { lon: 24.30621, lat: 60.07965 }],
      ['humidity', 20.3, '2011-10-31T13:25:24.000Z', { lon: 24.30622, lat: 60.07965 }],
      ['battery', 98, '2011-10-31T13:26:54.000Z', undefined],
    ]);
  });

  it('refuses half a position or one with nothing measured at its time, with the reason', () => {
    const r = senmlDecoder.decode(
      [
        { bn: 'urn:dev:ow:10e2073a01080063', bt: 1.320067464e9, u: 'lat', v: 60.1 },
        { u: 'lat', t: 60, v: 60.2 },
        { u: 'lon', t: 60, v: 24.3 },
      ],
      owner,
    );
    expect(r.readings).toEqual([]);
    expect(r.rejects.map((x) => [x.reason, x.index, x.message])).toEqual([
      ['bad_shape', 0, 'SenML position needs both a "lat" and a "lon" record at the same time'],
      [
        'bad_shape',
        1,
        'SenML position has no measurement of the device at the same time to go with',
      ],
    ]);
  });

  it('refuses a URN-only name whose unit measures nothing of the catalogue, naming the device', () => {
    const r = senmlDecoder.decode([{ n: 'urn:dev:ow:10e2073a01080063', u: 'V', v: 120.1 }], owner);
    expect(r.readings).toEqual([]);
    expect(r.rejects).toEqual([
      expect.objectContaining({
        reason: 'unknown_metric',
        deviceId: '10e2073a01080063',
        message: expect.stringContaining(
          'names only the device (urn:dev:ow:10e2073a01080063)',
        ) as unknown,
      }),
    ]);
  });

  it('still refuses a URN of another device as topic_not_owned, naming that device whole', () => {
    const r = senmlDecoder.decode([{ n: 'urn:dev:ow:10e2073a0108006', u: 'Cel', v: 23.1 }], owner);
    expect(r.rejects).toEqual([
      expect.objectContaining({
        reason: 'topic_not_owned',
        message: 'device 10e2073a01080063 may not publish for urn:dev:ow:10e2073a0108006',
      }),
    ]);
  });
});

describe('senmlDecoder: units name quantities (RFC 8428 units registry)', () => {
  it('refuses a humidity sent as %EL and a battery sent as %RH instead of storing them', () => {
    const r = senmlDecoder.decode(
      [
        { n: 'humidity', u: '%EL', v: 70 },
        { n: 'battery', u: '%RH', v: 88 },
        { n: 'occupancy', u: '%RH', v: 50 },
        { n: 'humidity', u: '%RH', v: 71 },
      ],
      ctx,
    );
    expect(r.readings.map((x) => [x.metric, x.value])).toEqual([['humidity', 71]]);
    expect(r.rejects.map((x) => [x.reason, x.index])).toEqual([
      ['unit_conversion', 0],
      ['unit_conversion', 1],
      ['unit_conversion', 2],
    ]);
  });

  it('does not take a voltage for a battery voltage (120.1 V mains is not a battery)', () => {
    const r = senmlDecoder.decode([{ n: 'voltage', u: 'V', v: 120.1 }], ctx);
    expect(r.readings.map((x) => x.metric)).toEqual(['voltage']);
    expect(r.readings[0]?.metric).not.toBe('battery_v');
  });
});
