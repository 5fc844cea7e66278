import { CITIZEN_STATUSES } from '@ioc/contracts';
import { useState, type SyntheticEvent } from 'react';
import { useI18n } from '../../../shared/i18n/useI18n';
import type { ConsoleChoices } from '../hooks/useConsoleChoices';
import type { QueueFilters } from '../model/filters';

const STATUS_OPTIONS = ['open', 'overdue', ...CITIZEN_STATUSES] as const;

export interface QueueFiltersFormProps {
  filters: QueueFilters;
  choices: ConsoleChoices;
  onChange: (next: QueueFilters) => void;
}

/** Unit, status (open and overdue included), category and a search; selects apply at once. */
export function QueueFiltersForm({ filters, choices, onChange }: QueueFiltersFormProps) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState(filters.q);
  const submit = (e: SyntheticEvent): void => {
    e.preventDefault();
    onChange({ ...filters, q });
  };
  const statusLabel = (s: (typeof STATUS_OPTIONS)[number]) =>
    s === 'open' || s === 'overdue' ? t(`citizenStaff.filter.${s}`) : t(`citizenStaff.status.${s}`);
  return (
    <form className="admin-toolbar cc-filters" onSubmit={submit} data-testid="queue-filters">
      <label>
        <span>{t('citizenStaff.filter.unit')}</span>
        <select
          data-testid="filter-unit"
          value={filters.unit ?? ''}
          onChange={(e) => {
            onChange({ ...filters, unit: e.target.value === '' ? null : e.target.value });
          }}
        >
          {choices.units.map((u, i) => (
            <option key={u.code} value={i === 0 ? '' : u.code}>
              {lang === 'en' && u.nameEn ? u.nameEn : u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('citizenStaff.filter.status')}</span>
        <select
          data-testid="filter-status"
          value={filters.status ?? ''}
          onChange={(e) => {
            const v = STATUS_OPTIONS.find((s) => s === e.target.value) ?? null;
            onChange({ ...filters, status: v });
          }}
        >
          {STATUS_OPTIONS.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
          <option value="">{t('citizenStaff.filter.all')}</option>
        </select>
      </label>
      <label>
        <span>{t('citizenStaff.filter.category')}</span>
        <select
          data-testid="filter-category"
          value={filters.category ?? ''}
          onChange={(e) => {
            onChange({ ...filters, category: e.target.value === '' ? null : e.target.value });
          }}
        >
          <option value="">{t('citizenStaff.filter.all')}</option>
          {choices.categories.map((c) => (
            <option key={c.code} value={c.code}>
              {`${c.icon} ${lang === 'en' ? c.nameEn : c.nameVi}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('citizenStaff.filter.q')}</span>
        <input
          data-testid="filter-q"
          value={q}
          maxLength={200}
          onChange={(e) => {
            setQ(e.target.value);
          }}
        />
      </label>
      <button type="submit">{t('citizenStaff.filter.show')}</button>
    </form>
  );
}
