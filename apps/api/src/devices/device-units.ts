/** The unit tree as the device list needs it: a unit and everything below it. */
export interface DeviceUnits {
  selfAndDescendants(code: string): Promise<string[]>;
}

export const DEVICE_UNITS = Symbol('DeviceUnits');
