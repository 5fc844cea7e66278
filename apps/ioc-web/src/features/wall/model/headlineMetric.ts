/**
 * The one value a ward panel's device row has room for: the scene's metric where the device
 * reports it, else its first measurement by name — never its battery or signal ('device'
 * category) while it measures anything else.
 */
export function headlineMetric(
  reported: Iterable<string>,
  sceneMetric: string | null,
  catalogue: { name: (code: string) => string; category: (code: string) => string | null },
): string | null {
  const codes = [...reported];
  if (sceneMetric !== null && codes.includes(sceneMetric)) return sceneMetric;
  const byName = codes.sort((a, b) => catalogue.name(a).localeCompare(catalogue.name(b)));
  return byName.find((c) => catalogue.category(c) !== 'device') ?? byName[0] ?? null;
}
