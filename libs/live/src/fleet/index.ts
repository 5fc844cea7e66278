/** Device fleet health: liveness status, uptime and per-ward/per-kind rollups. Pure; times in epoch ms. */
export { deviceStatus, ONLINE_FACTOR, LATE_FACTOR, type DeviceStatus } from './status';
export {
  deviceUptime,
  uptimeValue,
  DOWN_GAP_FACTOR,
  type UptimePeriod,
  type UptimeValue,
} from './uptime';
export {
  aggregateUptime,
  statusCounts,
  type DeviceUptime,
  type UptimeGroup,
  type DeviceLiveness,
  type StatusCounts,
} from './aggregate';
