import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { DEMO_CREDENTIALS_FILE, type DemoCredential } from './demo-devices';
import { simulatedValues } from './simulated-values';
import { vesselState } from './vessel-tracks';

export interface Simulator {
  stop(): Promise<void>;
}

/**
 * Publishes demo telemetry the way field devices do: one MQTT connection per device with its
 * own credentials, QoS 1, to its own topic. Tokens come from the file `seed demo` wrote.
 */
export function startSimulator(opts: {
  mqttUrl: string;
  dataDir: string;
  intervalMs: number;
}): Simulator {
  const creds = JSON.parse(
    readFileSync(join(opts.dataDir, DEMO_CREDENTIALS_FILE), 'utf8'),
  ) as DemoCredential[];
  const clients: MqttClient[] = [];
  for (const c of creds) {
    const client = mqtt.connect(opts.mqttUrl, {
      clientId: `sim-${c.id}`,
      username: c.id,
      password: c.token,
      reconnectPeriod: 2000,
    });
    client.on('error', () => undefined);
    clients.push(client);
  }
  let tick = 0;
  const publish = () => {
    tick++;
    const now = new Date();
    clients.forEach((client, i) => {
      const c = creds[i];
      // Spread devices over ticks so the wall sees a steady trickle rather than bursts.
      if (!c || !client.connected || (tick + i) % c.everyTicks !== 0) return;
      const payload: Record<string, unknown> = { ts: now.toISOString() };
      if (c.track !== undefined) {
        // Vessels report where they are: ingest places each reading in the unit at that point.
        const v = vesselState(c.track, now);
        payload.values = { speed_knots: v.speedKnots, heading: v.heading };
        payload.pos = { lon: v.lon, lat: v.lat };
      } else {
        payload.values = simulatedValues(c.kind, c.seed, now);
      }
      client.publish(`ioc/v1/telemetry/${c.id}`, JSON.stringify(payload), { qos: 1 });
    });
  };
  const timer = setInterval(publish, opts.intervalMs);
  setTimeout(publish, 1500);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(clients.map((c) => c.endAsync().catch(() => undefined)));
    },
  };
}
