import { isRecord, own } from './guards';
import { parseJsonPayload } from './json-payload';
import { normalizeDevEui } from './lorawan';

/**
 * The normalised DevEUI of a TTS v3 or ChirpStack v4 uplink, without decoding it. Decoders
 * resolve DevEUIs synchronously, so a collector backed by an async device store looks the
 * device up first with this, then hands the decoder a resolver over what it found.
 */
export function peekDevEui(payload: unknown): string | undefined {
  const parsed = parseJsonPayload(payload);
  if (!parsed.ok || !isRecord(parsed.value)) return undefined;
  const ttn = own(parsed.value, 'end_device_ids');
  const cs = own(parsed.value, 'deviceInfo');
  const raw = isRecord(ttn) ? own(ttn, 'dev_eui') : isRecord(cs) ? own(cs, 'devEui') : undefined;
  return typeof raw === 'string' ? normalizeDevEui(raw) : undefined;
}
