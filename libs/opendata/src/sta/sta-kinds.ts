/**
 * Names of device kinds as Sensors and in Things' descriptions. The web has its own labels in
 * its message files; the public API cannot import the web, and these are what the public sees.
 */
const KINDS: Readonly<Record<string, { vi: string; en: string }>> = {
  air_quality: { vi: 'Quan trắc không khí', en: 'Air quality' },
  water_level: { vi: 'Đo mực nước', en: 'Water level' },
  rain_gauge: { vi: 'Đo mưa', en: 'Rain gauge' },
  traffic_counter: { vi: 'Đếm phương tiện', en: 'Traffic counter' },
  noise: { vi: 'Đo tiếng ồn', en: 'Noise' },
  energy: { vi: 'Đo điện năng', en: 'Energy meter' },
  wifi_hotspot: { vi: 'Điểm Wi-Fi công cộng', en: 'Public Wi-Fi hotspot' },
  loudspeaker: { vi: 'Loa truyền thanh', en: 'Public loudspeaker' },
  vessel: { vi: 'Tàu thuyền', en: 'Vessel' },
  gateway: { vi: 'Cổng kết nối', en: 'Gateway' },
};

/** Kind codes and their labels in one language, as two arrays for `unnest($1, $2)`. */
export function kindLabels(lang: 'vi' | 'en'): { kinds: string[]; labels: string[] } {
  const entries = Object.entries(KINDS);
  return { kinds: entries.map(([k]) => k), labels: entries.map(([, l]) => l[lang]) };
}
