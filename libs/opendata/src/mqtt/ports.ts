/**
 * Whether a device's metric is published (issue 17): the publisher asks once per committed row,
 * so an implementation answers from memory — a snapshot of open_public_device ×
 * open_public_metric, never a query per reading.
 */
export interface PublicDatastreams {
  isPublic(deviceId: string, metric: string): boolean;
}

/**
 * Sends one message to the MQTT broker the public reads from: QoS 0, not retained — an update
 * stream, not a store; a reader that was away asks the HTTP API (GET …/Observations).
 */
export interface TopicPublisher {
  publish(topic: string, payload: string): void;
}
