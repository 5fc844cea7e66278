import { chirpstackV4Decoder } from './chirpstack-v4.decoder';
import { deviceTelemetryDecoder } from './device-telemetry.decoder';
import { gatewayBatchDecoder } from './gateway-batch.decoder';
import { nativeJsonDecoder } from './native-json.decoder';
import { senmlDecoder } from './senml.decoder';
import { describeDecoderContract } from './testing/decoder-contract';
import { CHIRPSTACK_DEVICE, TTN_DEVICE, fixtureJson, lorawanRegistry } from './testing/fixtures';
import { ttnV3Decoder } from './ttn-v3.decoder';

const now = new Date('2026-03-01T01:00:00Z');
const element = { ts: '2026-03-01T08:00:00+07:00', values: { pm25: 41.2, pm10: 80 } };
const badElement = { ts: 'yesterday', values: { pm25: 1 } };

describeDecoderContract(nativeJsonDecoder, {
  ctx: { deviceId: 'aq-hn-001' },
  good: element,
  batchWithOneBad: { payload: [element, badElement, element], readings: 4, rejects: 1 },
});

describeDecoderContract(gatewayBatchDecoder, {
  ctx: { gatewayId: 'gw-1', frontedDeviceIds: new Set(['aq-1', 'aq-2']) },
  good: { 'aq-1': [element], 'aq-2': [element, element] },
  batchWithOneBad: {
    payload: { 'aq-1': [element, { values: 'none' }], 'aq-2': [element] },
    readings: 4,
    rejects: 1,
  },
});

const senmlPack = [
  { bn: 'urn:dev:ops:aq-1:', bt: 1772326800, n: 'pm25', u: 'ug/m3', v: 41.2 },
  { n: 'temp', u: 'Cel', v: 30.5, t: -60 },
];

describeDecoderContract(senmlDecoder, {
  ctx: { deviceId: 'aq-1', now },
  good: senmlPack,
  batchWithOneBad: { payload: [...senmlPack, { n: 'hum', vs: 'wet' }], readings: 2, rejects: 1 },
});

describeDecoderContract(deviceTelemetryDecoder, {
  ctx: { deviceId: 'aq-1', now },
  good: senmlPack,
  batchWithOneBad: { payload: [element, 7, element], readings: 4, rejects: 1 },
});

const ttn = fixtureJson('ttn-v3-uplink.json');
const ttnUp = ttn.uplink_message as Record<string, unknown>;
// The fixture's codec also sends luminosity: a good payload for a profile that maps it.
const TTN_ALL_MAPPED = {
  ...TTN_DEVICE,
  profile: { fieldMap: { temperature: 'temperature', luminosity: 'luminosity' } },
};
describeDecoderContract(ttnV3Decoder, {
  ctx: lorawanRegistry({ '0004A30B001C0530': TTN_ALL_MAPPED }),
  good: ttn,
  batchWithOneBad: {
    payload: {
      ...ttn,
      uplink_message: { ...ttnUp, rx_metadata: [...(ttnUp.rx_metadata as unknown[]), 'garbage'] },
    },
    readings: 4,
    rejects: 0,
  },
});

const cs = fixtureJson('chirpstack-v4-up.json');
describeDecoderContract(chirpstackV4Decoder, {
  ctx: lorawanRegistry({ '0101010101010101': CHIRPSTACK_DEVICE }),
  good: cs,
  batchWithOneBad: {
    payload: { ...cs, rxInfo: [{ rssi: 'strong' }, ...(cs.rxInfo as unknown[])] },
    readings: 5,
    rejects: 0,
  },
});
