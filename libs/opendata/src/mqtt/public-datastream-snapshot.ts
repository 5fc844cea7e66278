import type { PublicDatastreams } from './ports';
import type { PublicDatastreamRepository } from './public-datastream.repository';

/**
 * The published devices and metrics in memory: a datastream is public when both are (the
 * views' rule, open_public_device × open_public_metric). Refreshed as a whole when publication
 * changes; until the first refresh nothing is public.
 */
export class PublicDatastreamSnapshot implements PublicDatastreams {
  private devices = new Set<string>();
  private metrics = new Set<string>();

  constructor(private readonly repo: Pick<PublicDatastreamRepository, 'load'>) {}

  /** With no public device — the default — this is one Set lookup. */
  isPublic(deviceId: string, metric: string): boolean {
    return this.devices.has(deviceId) && this.metrics.has(metric);
  }

  async refresh(): Promise<void> {
    const { devices, metrics } = await this.repo.load();
    // Both swapped at once: a reader never sees new devices with old metrics.
    this.devices = new Set(devices);
    this.metrics = new Set(metrics);
  }
}
