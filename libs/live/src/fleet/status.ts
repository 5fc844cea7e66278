import type { DeviceStatus } from '@ioc/contracts';

/**
 * Device liveness from `device.last_seen` against `device.expected_interval_s`:
 *
 *   online   silent ≤ 1.5 × interval  (one report may be a little late: jitter, batching)
 *   late     silent ≤ 3 × interval    (a report or two missed: radio, gateway, power blip)
 *   offline  silent > 3 × interval
 *   never    registered but never heard from: an installation to finish, not a lost signal
 *
 * 3 × is also the default of `no_data` alert rules, so a device turns "offline" on the wall at the
 * moment its no-data alert can fire. A last_seen in the future (device clock ahead) counts as
 * online: the platform heard from it.
 */
export type { DeviceStatus } from '@ioc/contracts';

export const ONLINE_FACTOR = 1.5;
export const LATE_FACTOR = 3;

export function deviceStatus(
  lastSeenMs: number | null,
  expectedIntervalS: number,
  nowMs: number,
): DeviceStatus {
  if (lastSeenMs === null || !Number.isFinite(lastSeenMs)) return 'never';
  if (!(expectedIntervalS > 0))
    throw new RangeError(`expectedIntervalS must be > 0, got ${expectedIntervalS}`);
  const silentS = (nowMs - lastSeenMs) / 1000;
  if (silentS <= ONLINE_FACTOR * expectedIntervalS) return 'online';
  if (silentS <= LATE_FACTOR * expectedIntervalS) return 'late';
  return 'offline';
}
