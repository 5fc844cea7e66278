import type { Reading } from '@ioc/contracts';

/** Every public SensorThings MQTT topic starts here; the brokers let anonymous readers in below. */
export const STA_TOPIC_ROOT = 'v1.1/';
/** Every new Observation of every public Datastream (OGC 18-088 §14.2.1, the collection). */
export const OBSERVATIONS_TOPIC = 'v1.1/Observations';

/** SensorThings ids of the model over our tables (the HTTP API uses the same ones). */
export const datastreamId = (deviceId: string, metric: string): string => `${deviceId}:${metric}`;
export const observationId = (deviceId: string, metric: string, time: Date): string =>
  `${deviceId}:${metric}:${time.getTime()}`;

/** A Datastream's Observations: what a reader of one sensor's metric subscribes to. */
export const datastreamObservationsTopic = (deviceId: string, metric: string): string =>
  `v1.1/Datastreams('${datastreamId(deviceId, metric)}')/Observations`;

/**
 * The Observation entity as GET /sta/v1.1/Observations('<id>') answers it: the receive-updates
 * requirement wants the same representation on the topic as over HTTP. `base` is the platform's
 * public address without a trailing slash.
 */
export function observationJson(base: string, r: Reading): string {
  const self = `${base}/sta/v1.1/Observations('${observationId(r.deviceId, r.metric, r.time)}')`;
  const time = r.time.toISOString();
  return JSON.stringify({
    '@iot.id': observationId(r.deviceId, r.metric, r.time),
    '@iot.selfLink': self,
    phenomenonTime: time,
    resultTime: time,
    result: r.value,
    'Datastream@iot.navigationLink': `${self}/Datastream`,
    'FeatureOfInterest@iot.navigationLink': `${self}/FeatureOfInterest`,
  });
}
