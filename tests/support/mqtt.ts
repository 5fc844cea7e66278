import net from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { serviceAvailable } from './databases';
import { testEnv } from './env';

export function mosquittoAvailable(): Promise<boolean> {
  const u = new URL(testEnv.mosquittoUrl);
  return serviceAvailable(
    'Mosquitto',
    () =>
      new Promise((resolve) => {
        const s = net.connect(Number(u.port || 1883), u.hostname);
        s.once('connect', () => {
          s.destroy();
          resolve(true);
        });
        s.once('error', () => {
          resolve(false);
        });
      }),
  );
}

export async function connectDevice(
  url: string,
  username: string,
  password: string,
  clientId = `t-${username}-${Date.now()}`,
): Promise<MqttClient> {
  return mqtt.connectAsync(url, {
    username,
    password,
    clientId,
    reconnectPeriod: 0,
    connectTimeout: 5000,
  });
}
