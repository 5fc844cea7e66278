/** Vietnamese strings of the tablet area (see ../messages.vi.ts). */
export const tabletVi = {
  'tablet.title': 'Phường, xã của tôi',
} satisfies Record<string, string>;
