import { useEffect, useSyncExternalStore } from 'react';
import { metricListResponse } from '@ioc/contracts';
import { apiGet } from '../api/client';
import { indexMetrics, type MetricIndex } from './metricText';

/**
 * The metric catalogue, fetched once per page and shared by every card, legend and picker: it
 * changes only when the server is upgraded. A failed load is retried while a screen needs it.
 */
const RETRY_MS = 10_000;

let index: MetricIndex | null = null;
let inFlight: Promise<void> | null = null;
let retry: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

function load(): void {
  if (index !== null || inFlight !== null) return;
  inFlight = apiGet('/api/v1/metrics')
    .then((body) => {
      index = indexMetrics(metricListResponse.parse(body).items);
      for (const l of listeners) l();
    })
    .catch(() => {
      if (listeners.size > 0 && retry === null)
        retry = setTimeout(() => {
          retry = null;
          load();
        }, RETRY_MS);
    })
    .finally(() => {
      inFlight = null;
    });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = (): MetricIndex | null => index;

/** The catalogue by code, or null until it has loaded. */
export function useMetricCatalogue(): MetricIndex | null {
  useEffect(load, []);
  return useSyncExternalStore(subscribe, snapshot);
}

/** Forgets the loaded catalogue (tests; a page that signs out keeps it, it is not secret). */
export function resetMetricCatalogue(): void {
  index = null;
  inFlight = null;
  if (retry !== null) clearTimeout(retry);
  retry = null;
}
