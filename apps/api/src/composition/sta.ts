import type { Queryable } from '@ioc/db';
import { StaService } from '@ioc/opendata';
import { STA_PREFIX } from '../opendata/sta.controller';

/** The MQTT receiving extension's conformance class (OGC 18-088 §14.2). */
export const STA_MQTT_RECEIVE =
  'http://www.opengis.net/spec/iot_sensing/1.1/req/receive-updates-via-mqtt/receive-updates';

/**
 * SensorThings API (libs/opendata): read-only, over the pool. The service root announces the
 * MQTT updates (libs/opendata/src/mqtt) and the broker they are read from — without the
 * credentials an external broker's URL may carry. With PUBLIC_URL its links are the same as the
 * MQTT updates' (composition/platform.ts gives those PUBLIC_URL too).
 */
export function staService(
  pool: Queryable,
  broker: { url: string },
  publicUrl?: string,
  mqttPublicUrl?: string,
): StaService {
  // Readers subscribe where devices publish: MQTT_PUBLIC_URL when set (a load balancer in front
  // of a cluster, or a process that reads no broker itself), else the broker this process uses
  // when that speaks MQTT (not a collector's AMQP connection).
  const endpoint = mqttPublicUrl ?? (/^mqtts?:\/\//.test(broker.url) ? broker.url : undefined);
  return new StaService(pool, {
    conformance: [STA_MQTT_RECEIVE],
    serverSettings: {
      [STA_MQTT_RECEIVE]: { endpoints: endpoint ? [publicBrokerUrl(endpoint)] : [] },
    },
    ...(publicUrl !== undefined ? { root: `${publicUrl.replace(/\/+$/, '')}${STA_PREFIX}` } : {}),
  });
}

function publicBrokerUrl(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  return u.toString().replace(/\/$/, '');
}
