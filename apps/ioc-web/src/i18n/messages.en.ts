import type { MessageKey } from './messages.vi';

/**
 * English UI strings. Typed as `Record<MessageKey, string>`: a missing key fails to compile, and
 * an extra key is an excess-property error, so both dictionaries always have identical keys.
 * Vietnamese place names keep their diacritics in English too (official usage).
 */
export const en: Record<MessageKey, string> = {
  'app.title': 'Intelligent Operations Centre',
  'app.titleWithUnit': 'Intelligent Operations Centre — {unit}',
  'app.loading': 'Loading…',

  'lang.toggle': 'Tiếng Việt',
  'lang.toggleLabel': 'Switch to Vietnamese',

  'ws.open': 'Connected',
  'ws.connecting': 'Connecting…',
  'ws.closed': 'Disconnected',

  'wall.asOf': 'Data as of {time}',
  'wall.asOfNone': 'No data yet',
  'wall.stale': 'Stale data',
  'wall.mapLoadFailed': 'Could not load the administrative unit map. Retrying…',

  'panel.units': 'Administrative units',
  'panel.devicesOnline': 'Devices online',
  'panel.topPm25': 'Highest PM2.5',
  'panel.noReadings': 'No readings yet',
  'panel.deviceValues': 'Latest device values',
  'panel.outOf': '/ {total}',

  'legend.title': 'Mean PM2.5 per ward/commune (µg/m³)',
  'legend.noData': 'No data',
  'legend.approximate': 'Approximate boundary',
  'legend.device': 'Other sensor',
  'legend.deviceOffline': 'Sensor offline',

  'aqi.good': 'Good',
  'aqi.moderate': 'Moderate',
  'aqi.poor': 'Poor',
  'aqi.bad': 'Bad',
  'aqi.veryBad': 'Very bad',
  'aqi.hazardous': 'Hazardous',

  'map.hoangSa': 'Hoàng Sa Archipelago (Viet Nam)',
  'map.truongSa': 'Trường Sa Archipelago (Viet Nam)',
  'map.insetTitle': 'East Sea',
  'map.label': 'Monitoring map',

  'page.tablet.title': 'Tablet view for ward and commune leaders',
  'page.admin.title': 'Administration',
  'page.login.title': 'Sign in',
  'page.comingSoon': 'This feature is being built and is coming soon.',
  'page.notFound.title': 'Page not found',
  'page.notFound.body': 'The address {path} does not exist.',
  'page.goToWall': 'Open the monitoring wall',

  'error.crashed': 'The screen hit an error and will reload in {seconds} seconds.',
};
