/**
 * Colours of open citizen reports by how long they have waited (the wall's map and its legend):
 * cool while young, warming with age, red once past the deadline whatever the age.
 */

export type Rgb = [number, number, number];

/** Age classes, youngest first: under a day, 1–3 days, 3–7 days, older. Overdue is red. */
export const AGE_CLASSES: readonly { maxHours: number; rgb: Rgb }[] = [
  { maxHours: 24, rgb: [120, 200, 255] },
  { maxHours: 72, rgb: [255, 214, 102] },
  { maxHours: 168, rgb: [255, 150, 40] },
  { maxHours: Number.POSITIVE_INFINITY, rgb: [200, 110, 255] },
];
export const OVERDUE_RGB: Rgb = [255, 45, 85];

/** Index into AGE_CLASSES, or -1 for an overdue case (whatever its age). */
export function ageClass(hours: number, overdue: boolean): number {
  if (overdue) return -1;
  const i = AGE_CLASSES.findIndex((c) => hours < c.maxHours);
  return i < 0 ? AGE_CLASSES.length - 1 : i;
}

export function ageRgb(hours: number, overdue: boolean): Rgb {
  const i = ageClass(hours, overdue);
  return i < 0 ? OVERDUE_RGB : (AGE_CLASSES[i]?.rgb ?? OVERDUE_RGB);
}
