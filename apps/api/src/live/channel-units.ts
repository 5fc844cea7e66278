/** Whether a unit named in a WebSocket channel exists (plugged with the unit directory). */
export interface ChannelUnits {
  exists(code: string): Promise<boolean>;
}

export const CHANNEL_UNITS = Symbol('ChannelUnits');
