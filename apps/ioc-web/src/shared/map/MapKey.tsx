export interface MapKeyEntry {
  code: string;
  n: number;
  name: string;
}

/**
 * The key of the numbered wards (see wardKey.ts): a dense city core is numbered on the map and
 * named here, in the sea corner above the East Sea inset. Always in the DOM — hidden while
 * empty — so the label placement can measure the corner it reserves.
 */
export function MapKey({
  entries,
  title,
  more,
}: {
  entries: readonly MapKeyEntry[];
  title: string;
  /** "and N more small wards not named at this scale", when the key ran out of rows. */
  more: string | null;
}) {
  return (
    <section
      className="map-key"
      aria-label={title}
      data-testid="map-key"
      style={entries.length === 0 ? { visibility: 'hidden' } : undefined}
    >
      <h2 className="map-key-title">{title}</h2>
      <ol className="map-key-list">
        {entries.map((e) => (
          <li key={e.code} data-code={e.code} data-number={e.n} title={e.name}>
            <span className="map-key-n">{e.n}</span>
            <span className="map-key-name">{e.name}</span>
          </li>
        ))}
        {more !== null && (
          <li className="map-key-more" data-testid="map-key-more">
            {more}
          </li>
        )}
      </ol>
    </section>
  );
}
