/** Vietnamese strings of the admin area (see ../messages.vi.ts). */
export const adminVi = {
  'admin.title': 'Quản trị hệ thống',
} satisfies Record<string, string>;
