import { sparklinePoints } from '../model/model';

const W = 120;
const H = 36;

/**
 * The indicator's recent values as a line, with the year's expected level as a dashed line when
 * there is one. Purely visual; the label carries the trend in words.
 */
export function Sparkline({
  values,
  reference,
  label,
}: {
  values: readonly number[];
  reference: number | null;
  label: string;
}) {
  const pts = sparklinePoints(values, W, H, 3, reference);
  if (pts === null) return null;
  return (
    <svg
      className="tablet-spark"
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      data-testid="sparkline"
      data-points={values.length}
    >
      {pts.reference !== null && (
        <line
          className="tablet-spark-ref"
          x1={0}
          x2={W}
          y1={pts.reference}
          y2={pts.reference}
          vectorEffect="non-scaling-stroke"
        />
      )}
      <polyline className="tablet-spark-line" points={pts.line} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
