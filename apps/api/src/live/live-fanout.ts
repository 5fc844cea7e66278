/** Kept for existing imports: the fan-out lives with the hub in @ioc/live. */
export { fanOutReadings } from '@ioc/live';
