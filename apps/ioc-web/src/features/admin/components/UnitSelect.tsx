import type { UnitDirectory } from '../model/unitDirectory';
import { useI18n } from '../../../shared/i18n/useI18n';

/** A province or one of its wards; `allowEmpty` adds a "none" choice. */
export function UnitSelect({
  dir,
  value,
  onChange,
  id,
  allowEmpty = false,
  provincesOnly = false,
  describedBy,
  testId,
}: {
  dir: UnitDirectory | null;
  value: string;
  onChange: (code: string) => void;
  id?: string;
  allowEmpty?: boolean;
  provincesOnly?: boolean;
  describedBy?: string | undefined;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <select
      id={id}
      value={value}
      aria-describedby={describedBy}
      data-testid={testId}
      onChange={(e) => {
        onChange(e.target.value);
      }}
    >
      {allowEmpty && <option value="">{t('admin.unit.none')}</option>}
      {dir === null && value !== '' && <option value={value}>{value}</option>}
      {dir?.provinces.map((p) =>
        provincesOnly ? (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ) : (
          <optgroup key={p.code} label={p.name}>
            <option value={p.code}>{t('admin.unit.wholeProvince', { name: p.name })}</option>
            {(dir.wards.get(p.code) ?? []).map((w) => (
              <option key={w.code} value={w.code}>
                {w.name} ({w.code})
              </option>
            ))}
          </optgroup>
        ),
      )}
    </select>
  );
}
