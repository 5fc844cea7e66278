import type { commonVi } from './common.vi';

/** English strings of the common area: exactly the keys of `commonVi`. */
export const commonEn: Record<keyof typeof commonVi, string> = {
  'app.title': 'Intelligent Operations Centre',
  'app.titleWithUnit': 'Intelligent Operations Centre — {unit}',
  'app.loading': 'Loading…',
  'lang.toggle': 'Tiếng Việt',
  'lang.toggleLabel': 'Switch to Vietnamese',
  'ws.open': 'Connected',
  'ws.connecting': 'Connecting…',
  'ws.closed': 'Disconnected',
  'page.comingSoon': 'This feature is being built and is coming soon.',
  'page.notFound.title': 'Page not found',
  'page.notFound.body': 'The address {path} does not exist.',
  'page.goToWall': 'Open the monitoring wall',
  'error.crashed': 'The screen hit an error and will reload in {seconds} seconds.',
};
