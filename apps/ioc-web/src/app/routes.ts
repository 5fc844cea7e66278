export type RouteId =
  | 'wall'
  | 'tablet'
  | 'admin'
  | 'reports'
  | 'citizen'
  | 'citizenConsole'
  | 'openData'
  | 'login'
  | 'notFound';

/** The paths the API falls back to index.html for; keep in step with apps/api. */
const ROUTES: Record<string, RouteId> = {
  '/wall': 'wall',
  '/tablet': 'tablet',
  '/admin': 'admin',
  '/reports': 'reports',
  '/xu-ly-phan-anh': 'citizenConsole',
  '/login': 'login',
  '/phan-anh': 'citizen',
  '/du-lieu-mo': 'openData',
};

export const HOME_PATH = '/wall';

/** Maps a pathname to a page; trailing slashes and sub-paths (`/admin/devices`) stay on the page. */
export function resolveRoute(pathname: string): RouteId {
  const normalised = pathname.replace(/\/+$/, '') || '/';
  if (normalised === '/') return 'wall';
  const top = `/${normalised.split('/')[1] ?? ''}`;
  return ROUTES[top] ?? 'notFound';
}
