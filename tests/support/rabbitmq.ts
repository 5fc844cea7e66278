import amqp from 'amqplib';
import { serviceAvailable } from './databases';
import { testEnv } from './env';

/** RabbitMQ at testEnv.amqpUrl answers an AMQP handshake (required when CI=true). */
export function rabbitmqAvailable(): Promise<boolean> {
  return serviceAvailable('RabbitMQ', async () => {
    try {
      const c = await amqp.connect(testEnv.amqpUrl);
      await c.close();
      return true;
    } catch {
      return false;
    }
  });
}

/** Deletes an exchange a suite declared (the bus declares its exchange durable). */
export async function deleteExchange(name: string): Promise<void> {
  const c = await amqp.connect(testEnv.amqpUrl);
  try {
    const ch = await c.createChannel();
    await ch.deleteExchange(name);
  } finally {
    await c.close();
  }
}
