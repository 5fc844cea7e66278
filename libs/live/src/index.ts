export { LiveHub, type LiveSocket, type HubOptions } from './hub/live-hub';
