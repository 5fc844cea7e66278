export const ADMIN_SECTIONS = [
  'devices',
  'cameras',
  'feeds',
  'connectors',
  'alert-rules',
  'wall',
  'users',
  'open-data',
] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** `/admin/feeds` → 'feeds'; `/admin` and anything unknown → devices (the first section). */
export function sectionOf(pathname: string): AdminSection | null {
  const part = pathname.replace(/\/+$/, '').split('/')[2];
  if (part === undefined || part === '') return 'devices';
  return (ADMIN_SECTIONS as readonly string[]).includes(part) ? (part as AdminSection) : null;
}
