import type { SelectHTMLAttributes } from 'react';
import { useMetrics } from './useMetrics';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: string;
  onChange: (code: string) => void;
  /** Text of the empty choice, when nothing chosen is allowed (a new rule). */
  placeholder?: string;
};

/**
 * Picks a metric by its name and unit, grouped by category, instead of a code typed by hand.
 * A code the catalogue does not know (an old setting) stays selectable, so nothing is lost.
 */
export function MetricSelect({ value, onChange, placeholder, ...rest }: Props) {
  const metrics = useMetrics();
  const all = metrics.all();
  const categories = [...new Set(all.map((m) => m.category))];
  const known = value === '' || all.some((m) => m.code === value);
  const label = (code: string) => {
    const unit = metrics.unit(code);
    return unit ? `${metrics.name(code)} (${unit})` : metrics.name(code);
  };
  return (
    <select
      {...rest}
      value={value}
      aria-busy={!metrics.ready}
      onChange={(e) => {
        onChange(e.target.value);
      }}
    >
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {!known && <option value={value}>{label(value)}</option>}
      {categories.map((c) => (
        <optgroup key={c} label={metrics.categoryName(c)}>
          {all
            .filter((m) => m.category === c)
            .map((m) => (
              <option key={m.code} value={m.code}>
                {label(m.code)}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}
