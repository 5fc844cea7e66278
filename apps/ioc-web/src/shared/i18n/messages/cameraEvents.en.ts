import type { cameraEventsVi } from './cameraEvents.vi';

/** English strings of AI-camera events on the wall (see ../messages.en.ts). */
export const cameraEventsEn: Record<keyof typeof cameraEventsVi, string> = {
  'cameraEvents.flow.title': 'Vehicles in/out per hour',
  'cameraEvents.flow.in': 'In',
  'cameraEvents.flow.out': 'Out',
  'cameraEvents.flow.hour': 'Hour',
  'cameraEvents.flow.total': 'Last {hours} h: {in} in, {out} out',
};
