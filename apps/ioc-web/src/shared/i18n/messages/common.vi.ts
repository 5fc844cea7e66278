/** Vietnamese strings of the common area (see ../messages.vi.ts). */
export const commonVi = {
  'app.title': 'Trung tâm giám sát, điều hành thông minh',
  'app.titleWithUnit': 'Trung tâm giám sát, điều hành thông minh — {unit}',
  'app.loading': 'Đang tải…',
  'lang.toggle': 'English',
  'lang.toggleLabel': 'Chuyển sang tiếng Anh',
  'ws.open': 'Đã kết nối',
  'ws.connecting': 'Đang kết nối…',
  'ws.closed': 'Mất kết nối',
  'page.comingSoon': 'Chức năng này đang được xây dựng và sẽ sớm ra mắt.',
  'page.notFound.title': 'Không tìm thấy trang',
  'page.notFound.body': 'Địa chỉ {path} không tồn tại.',
  'page.goToWall': 'Mở màn hình giám sát',
  'error.crashed': 'Màn hình gặp lỗi và sẽ tự tải lại sau {seconds} giây.',
} satisfies Record<string, string>;
