import type { tabletVi } from './tablet.vi';

/** English strings of the tablet area: exactly the keys of `tabletVi`. */
export const tabletEn: Record<keyof typeof tabletVi, string> = {
  'tablet.title': 'My ward',
};
