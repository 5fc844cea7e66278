/** Catalogue entry as validation needs it (see the `metric` table). */
export interface MetricSpec {
  uom: string;
  /** Physical plausibility limits, inclusive; outside is bad input, not data. */
  min: number;
  max: number;
}

/**
 * Where validation looks metrics up. Structural on purpose: a `Map<string, MetricSpec>` and the
 * pipeline's refreshable catalogue (whose entries carry uom/min/max) both fit.
 */
export interface MetricLookup {
  get(code: string): MetricSpec | undefined;
}

/** A reading that passed validation: the `reading` row minus the unit code the collector resolves. */
export interface ValidatedReading {
  time: Date;
  deviceId: string;
  metric: string;
  value: number;
  position?: { lon: number; lat: number };
}
