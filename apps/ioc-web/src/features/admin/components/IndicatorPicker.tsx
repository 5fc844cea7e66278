import { useId, useState } from 'react';
import { foldVietnamese } from '@ioc/contracts';
import type { IndicatorItem } from '../../../shared/api/adminSchemas';
import { useI18n } from '../../../shared/i18n/useI18n';

/**
 * Finds indicators among the catalogue's ~150 by words of the name or the code, without
 * diacritics ("ty le ho" finds "Tỷ lệ hộ…"), and picks one (radios) or several (checkboxes).
 * Chosen indicators stay listed first whatever the search, so a choice is never hidden.
 */
export function IndicatorPicker({
  indicators,
  chosen,
  multiple,
  onChange,
  describedBy,
}: {
  indicators: readonly IndicatorItem[];
  chosen: readonly string[];
  multiple: boolean;
  onChange: (codes: string[]) => void;
  describedBy?: string;
}) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const group = useId();
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  const name = (i: IndicatorItem) => (lang === 'vi' ? i.nameVi : i.nameEn);
  const matches = (i: IndicatorItem) => {
    const hay = foldVietnamese(`${i.code} ${i.nameVi} ${i.nameEn}`);
    return words.every((w) => hay.includes(w));
  };
  const picked = indicators.filter((i) => chosen.includes(i.code));
  const found = indicators.filter((i) => !chosen.includes(i.code) && matches(i));
  const toggle = (code: string, on: boolean) => {
    if (!multiple) onChange([code]);
    else onChange(on ? [...chosen, code] : chosen.filter((c) => c !== code));
  };
  return (
    <div className="admin-picker" data-testid="indicator-picker">
      <input
        type="search"
        aria-label={t('admin.indicators.search')}
        aria-describedby={describedBy}
        placeholder={t('admin.indicators.search')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
        }}
      />
      <p className="admin-hint" aria-live="polite">
        {t('admin.indicators.count', { chosen: picked.length, found: found.length })}
      </p>
      <ul className="admin-picker-list">
        {[...picked, ...found].map((i) => (
          <li key={i.code}>
            <label>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={multiple ? undefined : group}
                value={i.code}
                checked={chosen.includes(i.code)}
                onChange={(e) => {
                  toggle(i.code, e.target.checked);
                }}
              />
              <span>{name(i)}</span> <code>{i.code}</code>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
