import { startEmbeddedBroker, type EmbeddedBroker } from '@ioc/embedded';
import { type DeviceDirectory, type IngestService, mayPublish } from '@ioc/ingest';
import { randomBytes } from 'node:crypto';

export interface BrokerConnection {
  kind: 'embedded' | 'external';
  url: string;
  port: number | null;
  moved: boolean;
  /** Credentials of the platform's own collector on this broker. */
  username: string | undefined;
  password: string | undefined;
  embedded: EmbeddedBroker | undefined;
}

const SERVICE_USER = 'ioc-service';

/**
 * External broker when MQTT_URL is set (its own authn/authz, see infra/); otherwise an
 * in-process Aedes that authenticates devices and gateways by token and lets each publish
 * only under its own id. The platform's collector uses a random per-process service secret.
 */
export async function openBroker(opts: {
  mqttUrl?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  port: number;
  directory: DeviceDirectory;
  ingest: () => IngestService;
}): Promise<BrokerConnection> {
  if (opts.mqttUrl) {
    return {
      kind: 'external',
      url: opts.mqttUrl,
      port: null,
      moved: false,
      username: opts.username,
      password: opts.password,
      embedded: undefined,
    };
  }
  const serviceSecret = randomBytes(24).toString('base64url');
  const broker = await startEmbeddedBroker(opts.port, {
    authenticate: async (username, password) => {
      if (username === SERVICE_USER) return password === serviceSecret;
      return (await opts.directory.authenticate(username, password)) !== null;
    },
    authorizePublish: (username, topic) => username === SERVICE_USER || mayPublish(username, topic),
    authorizeSubscribe: (username) => username === SERVICE_USER,
    onRejectedPublish: (username, topic, payload) => {
      opts.ingest().rejectUnauthorizedPublish(username, topic, payload);
    },
  });
  return {
    kind: 'embedded',
    url: `mqtt://127.0.0.1:${broker.port}`,
    port: broker.port,
    moved: broker.moved,
    username: SERVICE_USER,
    password: serviceSecret,
    embedded: broker,
  };
}
