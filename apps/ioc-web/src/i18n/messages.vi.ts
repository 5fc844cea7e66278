/**
 * Vietnamese UI strings — the reference dictionary. Its keys define `MessageKey`; every other
 * language must provide exactly the same keys (enforced by the type of `en`).
 * Placeholders are written `{name}` and filled by `translate`.
 */
export const vi = {
  'app.title': 'Trung tâm giám sát, điều hành thông minh',
  'app.titleWithUnit': 'Trung tâm giám sát, điều hành thông minh — {unit}',
  'app.loading': 'Đang tải…',

  'lang.toggle': 'English',
  'lang.toggleLabel': 'Chuyển sang tiếng Anh',

  'ws.open': 'Đã kết nối',
  'ws.connecting': 'Đang kết nối…',
  'ws.closed': 'Mất kết nối',

  'wall.asOf': 'Số liệu lúc {time}',
  'wall.asOfNone': 'Chưa có số liệu',
  'wall.stale': 'Dữ liệu cũ',
  'wall.mapLoadFailed': 'Không tải được bản đồ đơn vị hành chính. Đang thử lại…',

  'panel.units': 'Đơn vị hành chính',
  'panel.devicesOnline': 'Thiết bị trực tuyến',
  'panel.topPm25': 'PM2.5 cao nhất',
  'panel.noReadings': 'Chưa có số liệu đo',
  'panel.deviceValues': 'Giá trị mới nhất của thiết bị',
  'panel.outOf': '/ {total}',

  'legend.title': 'PM2.5 trung bình theo phường, xã (µg/m³)',
  'legend.noData': 'Không có dữ liệu',
  'legend.approximate': 'Ranh giới gần đúng',
  'legend.device': 'Thiết bị đo khác',
  'legend.deviceOffline': 'Thiết bị mất tín hiệu',

  'aqi.good': 'Tốt',
  'aqi.moderate': 'Trung bình',
  'aqi.poor': 'Kém',
  'aqi.bad': 'Xấu',
  'aqi.veryBad': 'Rất xấu',
  'aqi.hazardous': 'Nguy hại',

  'map.hoangSa': 'Quần đảo Hoàng Sa (Việt Nam)',
  'map.truongSa': 'Quần đảo Trường Sa (Việt Nam)',
  'map.insetTitle': 'Biển Đông',
  'map.label': 'Bản đồ giám sát',

  'page.tablet.title': 'Giao diện máy tính bảng cho lãnh đạo phường, xã',
  'page.admin.title': 'Quản trị hệ thống',
  'page.login.title': 'Đăng nhập',
  'page.comingSoon': 'Chức năng này đang được xây dựng và sẽ sớm ra mắt.',
  'page.notFound.title': 'Không tìm thấy trang',
  'page.notFound.body': 'Địa chỉ {path} không tồn tại.',
  'page.goToWall': 'Mở màn hình giám sát',

  'error.crashed': 'Màn hình gặp lỗi và sẽ tự tải lại sau {seconds} giây.',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;
