import type { Reading } from '@ioc/contracts';
import {
  OBSERVATIONS_TOPIC,
  datastreamObservationsTopic,
  observationJson,
} from './observation-message';
import type { PublicDatastreams, TopicPublisher } from './ports';

export interface ObservationPublisherDeps {
  datastreams: PublicDatastreams;
  topics: TopicPublisher;
  /** The platform's public address (PUBLIC_URL, else where its HTTP server listens), no trailing slash. */
  baseUrl: () => string;
}

/**
 * SensorThings MQTT updates: each reading the writer committed, of a published datastream, goes
 * to its Datastream's Observations topic and to v1.1/Observations. Runs on the ingest path for
 * every committed batch, so a row of an unpublished datastream costs one lookup in memory and
 * nothing is built for it (ingest throughput is benchmarked).
 */
export class ObservationPublisher {
  constructor(private readonly deps: ObservationPublisherDeps) {}

  onStored(rows: readonly Reading[]): void {
    const { datastreams, topics } = this.deps;
    let base: string | undefined;
    for (const r of rows) {
      if (!datastreams.isPublic(r.deviceId, r.metric)) continue;
      base ??= this.deps.baseUrl();
      const json = observationJson(base, r);
      topics.publish(datastreamObservationsTopic(r.deviceId, r.metric), json);
      topics.publish(OBSERVATIONS_TOPIC, json);
    }
  }
}
