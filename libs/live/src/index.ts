export { LiveHub, type LiveSocket, type HubOptions } from './hub/live-hub';
export * from './aqi';
export * from './alerts';
export * from './fleet';
