/** Vietnamese strings of the login area (see ../messages.vi.ts). */
export const loginVi = {
  'login.title': 'Đăng nhập',
} satisfies Record<string, string>;
