/** Vietnamese strings of AI-camera events on the wall (see ../messages.vi.ts). */
export const cameraEventsVi = {
  'cameraEvents.flow.title': 'Xe vào/ra theo giờ',
  'cameraEvents.flow.in': 'Vào',
  'cameraEvents.flow.out': 'Ra',
  'cameraEvents.flow.hour': 'Giờ',
  'cameraEvents.flow.total': 'Tổng {hours} giờ: {in} vào, {out} ra',
};
