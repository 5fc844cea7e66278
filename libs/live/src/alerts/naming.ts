/**
 * How alert messages name what they are about. A message is stored and shown as written
 * (wall ticker, tablet, e-mail, audit), so it must say "Bụi PM2.5 = 88 µg/m³", not
 * "pm25 = 88 ug/m3", and name a silent device, not only print its id. The metric catalogue is
 * ingest's; the composition plugs it in as `MetricNames`.
 */

/** A metric as a message prints it: catalogue name and printed unit ("" for on/off). */
export interface MetricLabel {
  name: string;
  unit: string;
}

export type MetricLabels = ReadonlyMap<string, MetricLabel>;

/** The catalogue port (ingest's MetricCatalogue, loaded at start, satisfies it). */
export interface MetricNames {
  all(): readonly { code: string; nameVi: string; unitVi: string }[];
}

export const NO_LABELS: MetricLabels = new Map();

export function metricLabels(
  defs: readonly { code: string; nameVi: string; unitVi: string }[],
): MetricLabels {
  return new Map(defs.map((d) => [d.code, { name: d.nameVi, unit: d.unitVi }]));
}

/** "Đo mực nước Hải Châu (dn-wl-1)"; the id alone for a device without a name. */
export function deviceLabel(device: { id: string; name?: string | null }): string {
  return device.name ? `${device.name} (${device.id})` : device.id;
}
