/** The LoRaWAN network servers' shared webhook secrets (TTN_/CHIRPSTACK_WEBHOOK_SECRET). */
export interface WebhookSecrets {
  ttn: string | undefined;
  chirpstack: string | undefined;
}

export const WEBHOOK_SECRETS = Symbol('WebhookSecrets');
