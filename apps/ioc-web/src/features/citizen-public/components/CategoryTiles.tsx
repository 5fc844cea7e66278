import { useI18n } from '../../../shared/i18n/useI18n';
import type { Category } from '../model/api';

/** Large tiles, one per category, icon first: a radio group a thumb can hit. */
export function CategoryTiles({
  categories,
  value,
  onChange,
  labelId,
  describedBy,
}: {
  categories: readonly Category[];
  value: string | null;
  onChange: (code: string) => void;
  labelId: string;
  describedBy: string | undefined;
}) {
  const { lang } = useI18n();
  return (
    <div
      className="citizen-tiles"
      role="radiogroup"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
    >
      {categories.map((c) => (
        <button
          key={c.code}
          type="button"
          role="radio"
          aria-checked={value === c.code}
          className={value === c.code ? 'citizen-tile is-selected' : 'citizen-tile'}
          data-category={c.code}
          onClick={() => {
            onChange(c.code);
          }}
        >
          <span className="citizen-tile-icon" aria-hidden="true">
            {c.icon}
          </span>
          <span className="citizen-tile-name">{lang === 'vi' ? c.nameVi : c.nameEn}</span>
        </button>
      ))}
    </div>
  );
}
