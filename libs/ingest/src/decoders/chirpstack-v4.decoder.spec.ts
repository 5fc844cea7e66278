import { describe, expect, it } from 'vitest';
import { chirpstackV4Decoder } from './chirpstack-v4.decoder';
import { CHIRPSTACK_DEVICE, fixtureJson, fixtureText, lorawanRegistry } from './testing/fixtures';

const ctx = lorawanRegistry({ '0101010101010101': CHIRPSTACK_DEVICE });
const fixture = fixtureJson('chirpstack-v4-up.json');

describe('chirpstackV4Decoder', () => {
  it('decodes the documented up event: device by DevEUI, event time, object fields, rssi/snr', () => {
    const r = chirpstackV4Decoder.decode(fixtureText('chirpstack-v4-up.json'), ctx);
    const time = new Date('2022-07-18T09:34:15.775Z');
    expect(r.rejects).toEqual([]);
    expect(r.readings).toEqual([
      { deviceId: 'cs-env-01', metric: 'temperature', value: 28.4, time },
      { deviceId: 'cs-env-01', metric: 'humidity', value: 81, time },
      { deviceId: 'cs-env-01', metric: 'battery_v', value: 3.612, time },
      { deviceId: 'cs-env-01', metric: 'rssi', value: -36, time },
      { deviceId: 'cs-env-01', metric: 'snr', value: 10.5, time },
    ]);
  });

  it('prefers a GNSS gateway time that agrees with the network server', () => {
    const r = chirpstackV4Decoder.decode(
      {
        ...fixture,
        rxInfo: [
          { gatewayId: 'a', rssi: -100, snr: -2, nsTime: '2022-07-18T09:34:15.560Z' },
          { gatewayId: 'b', rssi: -50, snr: 8, gwTime: '2022-07-18T09:34:15.412Z' },
        ],
      },
      ctx,
    );
    expect(r.readings[0]?.time?.toISOString()).toBe('2022-07-18T09:34:15.412Z');
    expect(
      r.readings.filter((x) => x.metric === 'rssi' || x.metric === 'snr').map((x) => x.value),
    ).toEqual([-50, 8]);
  });

  it('matches the DevEUI case-insensitively (ChirpStack sends lower-case hex)', () => {
    const r = chirpstackV4Decoder.decode(
      { ...fixture, deviceInfo: { devEui: '70b3d57ed005b89a' } },
      lorawanRegistry({ '70B3D57ED005B89A': CHIRPSTACK_DEVICE }),
    );
    expect(r.readings.length).toBeGreaterThan(0);
  });

  it('refuses an unknown DevEUI and a missing deviceInfo', () => {
    expect(
      chirpstackV4Decoder.decode(fixture, lorawanRegistry({})).rejects.map((x) => x.reason),
    ).toEqual(['unknown_dev_eui']);
    const { deviceInfo: _omit, ...rest } = fixture;
    expect(chirpstackV4Decoder.decode(rest, ctx).rejects.map((x) => x.reason)).toEqual([
      'bad_shape',
    ]);
  });

  it('refuses a decoded object that is not an object', () => {
    const r = chirpstackV4Decoder.decode({ ...fixture, object: [1, 2] }, ctx);
    expect(r.rejects).toEqual([
      expect.objectContaining({ reason: 'bad_shape', deviceId: 'cs-env-01' }),
    ]);
  });

  it('says an up event with raw data only was not decoded', () => {
    const r = chirpstackV4Decoder.decode({ ...fixture, object: undefined, data: 'AQID' }, ctx);
    expect(r.rejects).toEqual([
      expect.objectContaining({ reason: 'not_decoded', deviceId: 'cs-env-01' }),
    ]);
  });

  it('tells a ChirpStack v3 uplink for what it is', () => {
    const v3 = {
      applicationID: '1',
      applicationName: 'env',
      deviceName: 'env-01',
      devEUI: 'AQEBAQEBAQE=',
      rxInfo: [{ rssi: -50, loRaSNR: 9 }],
      data: 'AQID',
      object: { temperature: 21 },
    };
    expect(chirpstackV4Decoder.decode(v3, ctx).rejects).toEqual([
      {
        reason: 'bad_shape',
        message: expect.stringMatching(/^this is a ChirpStack v3 uplink/) as unknown,
      },
    ]);
  });
});
