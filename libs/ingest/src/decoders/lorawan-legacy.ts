import { isRecord, own } from './guards';

/**
 * Uplinks in the shapes of network servers the platform does not read, recognised by their
 * own field names so the sender learns what to change instead of reading a schema error:
 * The Things Network v2 (`app_id`, `dev_id`, `hardware_serial`, `payload_raw`/`payload_fields`;
 * shut down in 2021) and ChirpStack v3 (`applicationID`, `devEUI`, `rxInfo`, `object`).
 * Returns the refusal's message, or undefined for anything else.
 */
export function olderNetworkServer(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const has = (key: string) => own(body, key) !== undefined;
  if (has('hardware_serial') || (has('app_id') && has('dev_id') && !has('end_device_ids'))) {
    return 'this is a The Things Network v2 uplink (app_id/dev_id/hardware_serial); TTN v2 was shut down in 2021: send The Things Stack v3 webhooks (JSON, uplink_message) to /api/v1/lorawan/ttn';
  }
  if (has('applicationID') || (has('devEUI') && !has('deviceInfo'))) {
    return 'this is a ChirpStack v3 uplink (applicationID/devEUI); the platform reads ChirpStack v4 (deviceInfo.devEui): upgrade to v4 and use its HTTP integration with the JSON marshaler, ?event=up';
  }
  return undefined;
}
