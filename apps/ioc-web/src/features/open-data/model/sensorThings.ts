/**
 * The SensorThings section's examples, built from the root the API announces (so they follow
 * the deployment's host). The query is percent-encoded where a browser would not accept it
 * (spaces, quotes); `$`, parentheses and `;` stay readable.
 */
export interface StaExample {
  id: 'things' | 'expand' | 'filter';
  /** What the visitor reads (decoded). */
  text: string;
  href: string;
}

const EXAMPLES: readonly { id: StaExample['id']; path: string }[] = [
  { id: 'things', path: '/Things?$top=5&$count=true' },
  {
    id: 'expand',
    path: '/Datastreams?$top=2&$expand=Observations($top=3;$orderby=phenomenonTime desc)',
  },
  { id: 'filter', path: '/Observations?$filter=result gt 50&$orderby=phenomenonTime desc&$top=10' },
];

export function staExamples(root: string): StaExample[] {
  const base = root.replace(/\/+$/, '');
  return EXAMPLES.map(({ id, path }) => ({
    id,
    text: `${base}${path}`,
    href: `${base}${encodeURI(path).replace(/'/g, '%27')}`,
  }));
}

/** The MQTT topic of a Datastream's Observations (OGC 18-088 §14.2: the path without the root). */
export function observationTopic(root: string, datastreamId: string): string {
  const version = /\/(v\d+\.\d+)\/?$/.exec(root)?.[1] ?? 'v1.1';
  return `${version}/Datastreams(${datastreamId})/Observations`;
}
