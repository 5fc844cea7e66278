import { describe, expect, it } from 'vitest';
import { MAX_GATEWAY_SKEW_MS, bestReception, normalizeDevEui, pickUplinkTime } from './lorawan';
import { peekDevEui } from './lorawan-peek';
import { fixtureText } from './testing/fixtures';

describe('lorawan helpers', () => {
  it('normalises DevEUIs to 16 upper-case hex digits', () => {
    expect(normalizeDevEui('00-04-a3-0b-00-1c-05-30')).toBe('0004A30B001C0530');
    expect(normalizeDevEui('0004a30b001c0530')).toBe('0004A30B001C0530');
    expect(normalizeDevEui('AgICAgICAgI=')).toBeUndefined(); // ChirpStack v3 base64 form
  });

  it('picks the reception with the highest RSSI', () => {
    const rx = (rssi: number | undefined) => ({
      rssi,
      snr: 1,
      gatewayTime: undefined,
      serverTime: undefined,
    });
    expect(bestReception([rx(-100), rx(undefined), rx(-60), rx(-80)])?.rssi).toBe(-60);
    expect(bestReception([])).toBeUndefined();
  });

  it('uses the gateway time only within the skew window of the server time', () => {
    const server = new Date('2026-03-01T01:00:00Z');
    const near = new Date(server.getTime() - MAX_GATEWAY_SKEW_MS);
    const far = new Date(server.getTime() - MAX_GATEWAY_SKEW_MS - 1);
    expect(pickUplinkTime(near, [server])).toBe(near);
    expect(pickUplinkTime(far, [undefined, server])).toBe(server);
    expect(pickUplinkTime(far, [])).toBe(far);
    expect(pickUplinkTime(undefined, [undefined])).toBeUndefined();
  });
});

describe('peekDevEui', () => {
  it('finds the DevEUI of either network server without decoding the uplink', () => {
    expect(peekDevEui(fixtureText('ttn-v3-uplink.json'))).toBe('0004A30B001C0530');
    expect(peekDevEui(Buffer.from(fixtureText('chirpstack-v4-up.json')))).toBe('0101010101010101');
    expect(peekDevEui({ deviceInfo: { devEui: 'ab-cd' } })).toBeUndefined();
    expect(peekDevEui('{')).toBeUndefined();
  });
});
