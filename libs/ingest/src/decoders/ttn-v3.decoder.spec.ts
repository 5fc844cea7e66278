import { describe, expect, it } from 'vitest';
import { TTN_DEVICE, fixtureJson, fixtureText, lorawanRegistry } from './testing/fixtures';
import { ttnV3Decoder } from './ttn-v3.decoder';

const ctx = lorawanRegistry({ '0004A30B001C0530': TTN_DEVICE });
const fixture = fixtureJson('ttn-v3-uplink.json');
const up = fixture.uplink_message as Record<string, unknown>;
const withUplink = (patch: Record<string, unknown>) => ({
  ...fixture,
  uplink_message: { ...up, ...patch },
});

describe('ttnV3Decoder', () => {
  it('decodes the documented uplink: device by DevEUI, gateway time, mapped fields, rssi/snr', () => {
    const r = ttnV3Decoder.decode(fixtureText('ttn-v3-uplink.json'), ctx);
    const time = new Date('2020-02-12T15:15:45.787Z');
    // luminosity is not in the profile's fieldMap: not stored, and said so.
    expect(r.rejects).toEqual([
      {
        reason: 'not_mapped',
        deviceId: 'ttn-env-01',
        message: "decoded fields not in the device profile's fieldMap, not stored: luminosity",
      },
    ]);
    expect(r.readings).toEqual([
      { deviceId: 'ttn-env-01', metric: 'temperature', value: 1, time },
      { deviceId: 'ttn-env-01', metric: 'rssi', value: -35, time },
      { deviceId: 'ttn-env-01', metric: 'snr', value: 5, time },
    ]);
  });

  it('takes link quality from the strongest gateway', () => {
    const r = ttnV3Decoder.decode(
      withUplink({
        rx_metadata: [
          { gateway_ids: { gateway_id: 'far' }, rssi: -112, snr: -7.5 },
          { gateway_ids: { gateway_id: 'near' }, channel_rssi: -61, snr: 9.25 },
          { gateway_ids: { gateway_id: 'mid' }, rssi: -90, snr: 2 },
        ],
      }),
      ctx,
    );
    const link = Object.fromEntries(r.readings.map((x) => [x.metric, x.value]));
    expect(link).toMatchObject({ rssi: -61, snr: 9.25 });
  });

  it('falls back to the network-server time when the gateway clock is off or absent', () => {
    const skewed = ttnV3Decoder.decode(
      withUplink({ rx_metadata: [{ time: '2019-01-01T00:00:00Z', rssi: -40, snr: 3 }] }),
      ctx,
    );
    expect(skewed.readings[0]?.time?.toISOString()).toBe('2020-02-12T15:15:45.789Z');
    const noGatewayTime = ttnV3Decoder.decode(withUplink({ rx_metadata: [{ rssi: -40 }] }), ctx);
    expect(noGatewayTime.readings[0]?.time?.toISOString()).toBe('2020-02-12T15:15:45.789Z');
    const onlyAppServer = ttnV3Decoder.decode(
      withUplink({ rx_metadata: undefined, received_at: undefined }),
      ctx,
    );
    expect(onlyAppServer.readings[0]?.time?.toISOString()).toBe('2020-02-12T15:15:46.014Z');
  });

  it('applies scale factors, nested field paths and positions from the profile', () => {
    const vessel = lorawanRegistry({
      '0004A30B001C0530': {
        deviceId: 'vessel-07',
        profile: {
          fieldMap: { 'nav.sog': 'speed_knots', 'nav.cog': 'heading' },
          scale: { 'nav.sog': 0.1 },
          position: { lon: 'gps.lon', lat: 'gps.lat' },
        },
      },
    });
    const r = ttnV3Decoder.decode(
      withUplink({
        decoded_payload: { nav: { sog: 72, cog: 181 }, gps: { lon: 109.2, lat: 12.25 } },
      }),
      vessel,
    );
    expect(r.readings.map((x) => [x.metric, x.value])).toEqual([
      ['speed_knots', 7.2],
      ['heading', 181],
      ['rssi', -35],
      ['snr', 5],
    ]);
    expect(r.readings.every((x) => x.position?.lon === 109.2 && x.position.lat === 12.25)).toBe(
      true,
    );
  });

  it('refuses an unknown DevEUI', () => {
    const r = ttnV3Decoder.decode(fixture, lorawanRegistry({}));
    expect(r.readings).toEqual([]);
    expect(r.rejects).toEqual([expect.objectContaining({ reason: 'unknown_dev_eui' })]);
    expect(r.rejects[0]?.message).toContain('0004A30B001C0530');
  });

  it('refuses other message types posted to the same webhook', () => {
    const join = { end_device_ids: fixture.end_device_ids, join_accept: { session_key_id: 'x' } };
    expect(ttnV3Decoder.decode(join, ctx).rejects.map((x) => x.reason)).toEqual(['bad_shape']);
  });

  it('still records link quality for an uplink without decoded payload', () => {
    const r = ttnV3Decoder.decode(withUplink({ decoded_payload: undefined }), ctx);
    expect(r.readings.map((x) => x.metric)).toEqual(['rssi', 'snr']);
  });

  it('turns a throwing registry into a reject, not an exception', () => {
    const broken = {
      resolveDevEui: () => {
        throw new Error('registry down');
      },
    };
    expect(ttnV3Decoder.decode(fixture, broken).rejects).toEqual([
      expect.objectContaining({ reason: 'bad_shape', message: 'ttn-v3: registry down' }),
    ]);
  });

  it('says an uplink with raw bytes only was not decoded, and stores its link quality', () => {
    const r = ttnV3Decoder.decode(
      withUplink({ decoded_payload: undefined, frm_payload: 'AQID' }),
      ctx,
    );
    expect(r.readings.map((x) => x.metric)).toEqual(['rssi', 'snr']);
    expect(r.rejects).toEqual([
      expect.objectContaining({ reason: 'not_decoded', deviceId: 'ttn-env-01' }),
    ]);
  });

  it('names unmapped nested fields by their path', () => {
    const r = ttnV3Decoder.decode(
      withUplink({ decoded_payload: { temperature: 21, air: { co2: 400, voc: 3 } } }),
      ctx,
    );
    expect(r.rejects.map((x) => x.message)).toEqual([
      "decoded fields not in the device profile's fieldMap, not stored: air.co2, air.voc",
    ]);
  });

  it('tells a The Things Network v2 uplink for what it is', () => {
    const v2 = {
      app_id: 'my-app',
      dev_id: 'env-01',
      hardware_serial: '0004A30B001C0530',
      port: 1,
      counter: 2,
      payload_raw: 'AQID',
      payload_fields: { temperature: 21 },
      metadata: { time: '2020-02-12T15:15:45.787Z' },
    };
    expect(ttnV3Decoder.decode(v2, ctx).rejects).toEqual([
      {
        reason: 'bad_shape',
        message: expect.stringMatching(/^this is a The Things Network v2 uplink/) as unknown,
      },
    ]);
  });
});
