// @ioc/opendata — the read-only public face (issue 17): what an administrator published,
// OGC SensorThings API 1.1 over the existing tables, the dataset catalogue, and SensorThings
// MQTT updates. Every public read goes through the open_public_* views (migration 0060).
export * from './publication/publication-api';
export * from './catalogue/catalogue-api';
export * from './sta/sta-api';
export * from './mqtt/mqtt-api';
